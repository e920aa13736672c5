package io.parbench.analysis;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Percentile bootstrap intervals for the ratio of two means (speedups, engine ratios).
 *
 * <p>Each sample is resampled with replacement {@value #RESAMPLES} times, independently of the
 * other, and the interval is the 2.5th and 97.5th percentiles (nearest rank) of the resampled
 * ratios. The generator is a {@link Well19937c} seeded from a name for the sample, so the same
 * document always gives the same intervals, whatever order it is analysed in. A sample's resampled
 * means can be computed once and paired with many others (a W = 1 point serves every speedup of
 * its series), which keeps a large document fast.
 */
public final class Bootstrap {

    /** Resamples per interval: enough for stable 2.5/97.5 percentiles, fast for ~200 configurations. */
    public static final int RESAMPLES = 2000;

    /** A closed interval [low, high]. */
    public record Interval(double low, double high) {}

    private Bootstrap() {}

    /**
     * The 95% interval of mean(numerator) / mean(denominator) for non-negative samples.
     *
     * @param name what is estimated, e.g. a configuration label; seeds the generators
     * @return null when the interval is unbounded, see {@link #ratioInterval}
     */
    public static Interval ratioOfMeans(double[] numerator, double[] denominator, String name) {
        return ratioInterval(resampledMeans(numerator, name + " numerator"), resampledMeans(denominator, name + " denominator"));
    }

    /** The means of {@value #RESAMPLES} resamples of a non-empty sample, from a generator seeded by name. */
    public static double[] resampledMeans(double[] sample, String name) {
        RandomGenerator random = new Well19937c(seed(name));
        long n = sample.length;
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                // Multiply-shift maps 32 random bits onto [0, n): bias below n / 2^32, and about
                // twice as fast as nextInt(n), which matters before the JIT has warmed up.
                sum += sample[(int) (((random.nextInt() & 0xffffffffL) * n) >>> 32)];
            }
            means[b] = sum / n;
        }
        return means;
    }

    /**
     * The percentile interval of the ratios of paired resampled means. A resample whose
     * denominator mean is 0 counts as an unbounded ratio.
     *
     * @return null when the interval is unbounded (too many denominator resamples average 0)
     */
    public static Interval ratioInterval(double[] numeratorMeans, double[] denominatorMeans) {
        double[] ratios = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            ratios[b] = denominatorMeans[b] > 0 ? numeratorMeans[b] / denominatorMeans[b] : Double.POSITIVE_INFINITY;
        }
        Arrays.sort(ratios);
        double tail = (1 - SampleStatistics.CONFIDENCE) / 2;
        double high = ratios[nearestRank(1 - tail)];
        return Double.isFinite(high) ? new Interval(ratios[nearestRank(tail)], high) : null;
    }

    private static int nearestRank(double quantile) {
        return (int) Math.ceil(quantile * RESAMPLES) - 1;
    }

    /** A stable 64-bit FNV-1a hash of the name (String.hashCode is only 32 bits). */
    static long seed(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash = (hash ^ name.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }
}
