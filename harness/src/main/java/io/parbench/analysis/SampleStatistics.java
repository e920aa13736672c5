package io.parbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Descriptive statistics of one sample of throughputs: mean with its Student-t 95% confidence
 * interval, median, MAD, coefficient of variation, and Tukey outliers.
 *
 * <p>Quantiles (median, quartiles) use linear interpolation between order statistics (Hyndman
 * and Fan type 7, as R and numpy do by default), so they can be checked by hand.
 */
public final class SampleStatistics {

    /** Two-sided confidence level of every interval parbench reports. */
    public static final double CONFIDENCE = 0.95;

    private static final double TUKEY_K = 1.5;

    private static final Map<Integer, Double> T_QUANTILES = new ConcurrentHashMap<>();

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
        double halfWidth = stdDev == 0 ? 0 : tQuantile(n - 1) * stdDev / Math.sqrt(n);
        double median = quantile(sorted, 0.5);
        double cv = mean > 0 ? stdDev / mean : 0;
        return new SampleStats(
                n, mean, stdDev, mean - halfWidth, mean + halfWidth, median, mad(samples, median), cv,
                tukeyOutliers(samples, sorted));
    }

    /** The quantile q in [0, 1] of the values, interpolating linearly (type 7). */
    static double quantile(double[] values, double q) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, 100 * q);
    }

    /** The two-sided t quantile; cached, as inverting the t distribution costs far more than the rest. */
    private static double tQuantile(int degreesOfFreedom) {
        return T_QUANTILES.computeIfAbsent(degreesOfFreedom,
                df -> new TDistribution(df).inverseCumulativeProbability(0.5 + CONFIDENCE / 2));
    }

    private static double mad(double[] samples, double median) {
        double[] deviations = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            deviations[i] = Math.abs(samples[i] - median);
        }
        return quantile(deviations, 0.5);
    }

    /** Indices of values outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR]. */
    private static List<Integer> tukeyOutliers(double[] samples, double[] sorted) {
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double low = q1 - TUKEY_K * (q3 - q1);
        double high = q3 + TUKEY_K * (q3 - q1);
        List<Integer> outliers = new ArrayList<>();
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] < low || samples[i] > high) {
                outliers.add(i);
            }
        }
        return outliers;
    }
}
