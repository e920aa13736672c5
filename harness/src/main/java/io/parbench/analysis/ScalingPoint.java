package io.parbench.analysis;

/**
 * One worker count of a series.
 *
 * @param speedup mean throughput at W over mean throughput at W = 1; null without a (non-fallback,
 *     non-zero) W = 1 point, and for a fallback point, which ran single-threaded
 * @param speedupLow lower end of the 95% bootstrap interval of the speedup (seeded, reproducible);
 *     exactly 1 at W = 1; null where speedup is, or when the interval is unbounded
 * @param efficiency speedup / workers
 * @param karpFlatt experimentally determined serial fraction (1/S - 1/W) / (1 - 1/W); null at W = 1,
 *     where speedup is null, and when S = 0
 * @param implausible the speedup exceeds what W workers on the machine's cores can give (W, or the
 *     number of cores if fewer): the W = 1 baseline was handicapped or the machine changed under the
 *     run, so the point is an anomaly, never a best result
 */
public record ScalingPoint(
        int workers,
        SampleStats throughput,
        Double speedup,
        Double speedupLow,
        Double speedupHigh,
        Double efficiency,
        Double karpFlatt,
        boolean implausible) {}
