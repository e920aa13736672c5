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
 * @param beyondLimit what a speedup above what W workers on the machine's cores can give (W, or the
 *     number of cores if fewer) is ({@link SeriesAnalyzer#beyondLimit}); null when it is not above
 * @param decomposition where the speedup went, from the forks' accounting; null at W = 1, without a
 *     speedup, and when the engine kept no accounting at W or at 1
 */
public record ScalingPoint(
        int workers,
        SampleStats throughput,
        Double speedup,
        Double speedupLow,
        Double speedupHigh,
        Double efficiency,
        Double karpFlatt,
        BeyondLimit beyondLimit,
        SpeedupDecomposition decomposition) {

    /** A speedup above the limit, as the data explains it. */
    public enum BeyondLimit {
        /** Above in every fork (or the interval's lower end is), with less busy time per step than at W = 1: a result. */
        SUPERLINEAR,
        /** Above in every fork (or the interval's lower end is), but no accounting shows less busy time per step: not a result. */
        UNEXPLAINED,
        /** Above in one fork, or not in every fork: an anomaly, not a result. */
        ANOMALY
    }

    /** Whether the speedup is above the limit without the evidence that makes it a result (never a best result). */
    public boolean doubtful() {
        return beyondLimit != null && beyondLimit != BeyondLimit.SUPERLINEAR;
    }
}
