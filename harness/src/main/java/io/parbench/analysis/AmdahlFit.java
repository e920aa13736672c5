package io.parbench.analysis;

/**
 * Amdahl's law fitted to a series' speedups: S(W) = 1 / ((1 - p) + p / W).
 *
 * @param parallelFraction p, in [0, 1]
 * @param maxSpeedup 1 / (1 - p), infinite when p == 1
 */
public record AmdahlFit(double parallelFraction, double standardError, double maxSpeedup) {}
