package io.parbench.compare;

import java.util.Arrays;

/**
 * A change of B against A on the log scale, where a ratio is a difference, estimated from
 * independent replicates: the mean of the per-round log-ratios ln(B/A) with its standard error and
 * the degrees of freedom of its t interval.
 *
 * @param estimate mean log-ratio (negative: B slower)
 * @param values the per-round log-ratios it came from, in round order (kept to show outliers)
 */
public record LogChange(double estimate, double standardError, int degreesOfFreedom, double[] values) {

    /**
     * The paired estimate over rounds: each value is one round's ln(B/A), a round being one fresh
     * fork of each side measured back to back, so whatever the machine did during that round
     * touches both and cancels.
     */
    public static LogChange paired(double[] logRatios) {
        int n = logRatios.length;
        if (n < 2) {
            throw new IllegalArgumentException("a paired change needs at least 2 rounds, got " + n);
        }
        double mean = Arrays.stream(logRatios).average().orElseThrow();
        double squares = Arrays.stream(logRatios).map(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        return new LogChange(mean, sd / Math.sqrt(n), n - 1, logRatios.clone());
    }

    public int rounds() {
        return values.length;
    }
}
