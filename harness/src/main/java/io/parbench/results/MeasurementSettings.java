package io.parbench.results;

/**
 * How each configuration is measured: forks (fresh JVMs or fresh browser pages), then per fork
 * warm-up iterations and measurement iterations of a fixed duration.
 */
public record MeasurementSettings(int forks, int warmupIterations, int iterations, long iterationMillis) {}
