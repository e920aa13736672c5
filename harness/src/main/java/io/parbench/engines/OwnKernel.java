package io.parbench.engines;

/**
 * A kernel an engine brings itself instead of running the built-in suite (the byo engine: the
 * kernel of the user's adapter).
 *
 * @param name the kernel's name in plans and results
 * @param defaultSize the size used when --sizes names none for it
 */
public record OwnKernel(String name, long defaultSize) {}
