package io.parbench.gate;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * How much one sample of throughputs is shifted against another on the log scale, where a ratio
 * is a difference: the Hodges–Lehmann estimate (the median of all pairwise log ratios, the
 * estimator that belongs with the Mann–Whitney U test) with its distribution-free Moses
 * confidence interval (order statistics of the same pairwise ratios).
 *
 * @param estimate log of the typical ratio to / from
 * @param low lower end of the confidence interval (log scale)
 * @param standardError the interval's half-width over the normal quantile: what combines with
 *     other shifts and shrinks as 1/sqrt(n)
 */
public record LogShift(double estimate, double low, double high, double standardError) {

    static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** The shift from one sample to another at the given confidence (e.g. 0.95). */
    public static LogShift between(double[] from, double[] to, double confidence) {
        int m = from.length;
        int n = to.length;
        double[] logFrom = Arrays.stream(from).map(Math::log).toArray();
        double[] logRatios = new double[m * n];
        for (int i = 0; i < n; i++) {
            double logTo = Math.log(to[i]);
            for (int j = 0; j < m; j++) {
                logRatios[i * m + j] = logTo - logFrom[j];
            }
        }
        Arrays.sort(logRatios);
        double estimate = new Median().evaluate(logRatios);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        // k-th smallest and k-th largest pairwise ratio, k from the normal approximation of U's
        // distribution: the same approximation Commons Math's MannWhitneyUTest uses.
        double k = (double) m * n / 2 - z * Math.sqrt((double) m * n * (m + n + 1) / 12);
        int index = (int) Math.max(0, Math.floor(k) - 1);
        double low = logRatios[index];
        double high = logRatios[logRatios.length - 1 - index];
        return new LogShift(estimate, low, high, (high - low) / (2 * z));
    }

    /** This shift minus another, independent one: e.g. the change of a speedup. */
    public LogShift minus(LogShift other, double confidence) {
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double difference = estimate - other.estimate;
        double error = Math.hypot(standardError, other.standardError);
        return new LogShift(difference, difference - z * error, difference + z * error, error);
    }

    /** Whether the interval excludes no change. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }

    /** The estimate and interval as ratios. */
    public Interval ratio() {
        return new Interval(Math.exp(estimate), Math.exp(low), Math.exp(high));
    }
}
