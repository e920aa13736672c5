package io.parbench.inspect;

import java.util.List;

/**
 * Whether several workers can run the module on one shared memory.
 *
 * @param reasons why not, each with what to do; empty when threads-ready
 * @param notes things worth knowing that do not stop threads
 */
public record ThreadsVerdict(boolean threadsReady, List<String> reasons, List<String> notes) {}
