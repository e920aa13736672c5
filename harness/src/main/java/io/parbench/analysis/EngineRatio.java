package io.parbench.analysis;

/**
 * Throughput of one engine relative to another for the same kernel, variant, size and worker
 * count, e.g. chromium/native: what running as WASM in a browser costs.
 *
 * @param ratio mean throughput of engine over mean throughput of baseline (> 1: engine is faster)
 * @param ratioLow lower end of its 95% bootstrap interval
 */
public record EngineRatio(
        String kernel,
        String variant,
        long size,
        int workers,
        String engine,
        String baseline,
        double ratio,
        double ratioLow,
        double ratioHigh) {}
