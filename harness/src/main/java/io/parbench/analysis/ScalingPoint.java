package io.parbench.analysis;

/**
 * One worker count of a series.
 *
 * @param speedup throughput at W over throughput at W = 1, over forks ({@link io.parbench.change.SpeedupForks}:
 *     paired within each fork that measured both); null without a (non-fallback, non-zero) W = 1
 *     point, and for a fallback point, which ran single-threaded
 * @param speedupLow lower end of the speedup's 95% interval over forks; exactly 1 at W = 1; null
 *     where speedup is, and when one fork measured it (forks are the replicates)
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
