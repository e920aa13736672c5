package io.parbench.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The descriptive statistics every stage shares, each defined once (Apache Commons Math
 * underneath): quantiles and the median, Tukey's fences, Student t quantiles and the geometric mean.
 *
 * <p>Quantiles interpolate linearly between order statistics (Hyndman and Fan type 7, as R and
 * numpy do by default), so they can be checked by hand; the median is the 0.5 quantile.
 */
public final class Statistics {

    /** Tukey's inner fences: a value this many interquartile ranges outside the quartiles is an outlier. */
    public static final double TUKEY_INNER = 1.5;
    /** Tukey's outer fences: far out. */
    public static final double TUKEY_OUTER = 3;

    private record TKey(double degreesOfFreedom, double p) {}

    private static final Map<TKey, Double> T_QUANTILES = new ConcurrentHashMap<>();

    private Statistics() {}

    /** The quantile q in [0, 1] of non-empty values (type 7). */
    public static double quantile(double[] values, double q) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, 100 * q);
    }

    /** The median of non-empty values. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    public static double median(Collection<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Indices (from 0) of the values outside [Q1 - k IQR, Q3 + k IQR]; k is {@link #TUKEY_INNER} or {@link #TUKEY_OUTER}. */
    public static List<Integer> outsideTukeyFences(double[] values, double k) {
        double q1 = quantile(values, 0.25);
        double q3 = quantile(values, 0.75);
        double low = q1 - k * (q3 - q1);
        double high = q3 + k * (q3 - q1);
        List<Integer> outside = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < low || values[i] > high) {
                outside.add(i);
            }
        }
        return outside;
    }

    /**
     * The quantile p of Student's t distribution with these (possibly fractional, Welch)
     * degrees of freedom; cached, as inverting the distribution costs far more than the rest.
     */
    public static double tQuantile(double degreesOfFreedom, double p) {
        return T_QUANTILES.computeIfAbsent(new TKey(degreesOfFreedom, p),
                key -> new TDistribution(null, key.degreesOfFreedom()).inverseCumulativeProbability(key.p()));
    }

    /** exp of the mean of the logs of positive values, the logs added in order. */
    public static double geometricMean(double[] values) {
        double logSum = 0;
        for (double v : values) {
            logSum += Math.log(v);
        }
        return Math.exp(logSum / values.length);
    }
}
