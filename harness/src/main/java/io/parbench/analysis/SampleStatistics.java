package io.parbench.analysis;

import io.parbench.statistics.Statistics;
import java.util.Arrays;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Descriptive statistics of one sample of throughputs: mean with its Student-t 95% confidence
 * interval, median, MAD, coefficient of variation, and Tukey outliers (inner fences), each as
 * {@link Statistics} defines it.
 */
public final class SampleStatistics {

    /** Two-sided confidence level of every interval parbench reports. */
    public static final double CONFIDENCE = 0.95;

    private SampleStatistics() {}

    /**
     * Summarises a non-empty sample. One sample gives stdDev 0, a confidence interval of just the
     * mean, and cv 0; identical samples give exactly zero spread.
     *
     * @throws IllegalArgumentException when the sample is empty
     */
    public static SampleStats of(double[] samples) {
        int n = samples.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples to summarise");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        boolean constant = sorted[0] == sorted[n - 1];
        // Identical values: report the value itself, not a sum/n that may be an ulp off.
        double mean = constant ? sorted[0] : StatUtils.mean(samples);
        double stdDev = constant || n == 1 ? 0 : Math.sqrt(StatUtils.variance(samples, mean));
        double halfWidth = stdDev == 0 ? 0 : Statistics.tQuantile(n - 1, 0.5 + CONFIDENCE / 2) * stdDev / Math.sqrt(n);
        double median = Statistics.median(sorted);
        double cv = mean > 0 ? stdDev / mean : 0;
        return new SampleStats(
                n, mean, stdDev, mean - halfWidth, mean + halfWidth, median, mad(samples, median), cv,
                Statistics.outsideTukeyFences(samples, Statistics.TUKEY_INNER));
    }

    private static double mad(double[] samples, double median) {
        double[] deviations = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            deviations[i] = Math.abs(samples[i] - median);
        }
        return Statistics.median(deviations);
    }
}
