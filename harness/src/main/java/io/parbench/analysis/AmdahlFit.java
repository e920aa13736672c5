package io.parbench.analysis;

/**
 * Amdahl's law fitted to a series' speedups: S(W) = 1 / ((1 - p) + p / W). See {@link AmdahlFitter}.
 *
 * @param parallelFraction p, in [0, 1]
 * @param standardError standard error of p (linearised; indicative)
 * @param maxSpeedup 1 / (1 - p); null when p == 1 (unbounded: JSON cannot hold infinity)
 */
public record AmdahlFit(double parallelFraction, double standardError, Double maxSpeedup) {}
