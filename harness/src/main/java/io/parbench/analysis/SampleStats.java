package io.parbench.analysis;

import java.util.List;

/**
 * Summary of a sample of throughputs (steps/sec).
 *
 * @param n number of samples
 * @param ciLow lower end of the 95% confidence interval of the mean (Student t); equals mean when n == 1
 * @param mad median absolute deviation (unscaled)
 * @param cv coefficient of variation, stdDev / mean (0 when n == 1)
 * @param outliers indices (into the flattened fork-major sample list) outside Tukey's fences
 *     (1.5 IQR); kept in every statistic, only flagged
 */
public record SampleStats(
        int n,
        double mean,
        double stdDev,
        double ciLow,
        double ciHigh,
        double median,
        double mad,
        double cv,
        List<Integer> outliers) {

    public SampleStats {
        outliers = List.copyOf(outliers);
    }
}
