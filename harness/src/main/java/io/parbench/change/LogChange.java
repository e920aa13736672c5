package io.parbench.change;

import java.util.Arrays;
import java.util.List;

/**
 * A change of B against A on the log scale, where a ratio is a difference, with the standard
 * error and degrees of freedom of its Student t interval, estimated from forks (fresh JVMs or
 * pages), the unit of replication.
 *
 * @param estimate the log of B's typical value over A's (negative: B slower)
 * @param replicates what the estimate rests on: rounds (paired), or the fewest forks of a group (independent)
 * @param values the per-round log-ratios of a paired change, in round order (to show outliers); empty otherwise
 */
public record LogChange(double estimate, double standardError, double degreesOfFreedom, int replicates, double[] values) {

    /**
     * The paired estimate over rounds: each value is one round's ln(B/A), a round being one fresh
     * fork of each side measured back to back, so whatever the machine did during that round
     * touches both and cancels. Mean, and its standard error with n - 1 degrees of freedom.
     */
    public static LogChange paired(double[] logRatios) {
        int n = logRatios.length;
        if (n < 2) {
            throw new IllegalArgumentException("a paired change needs at least 2 rounds, got " + n);
        }
        return new LogChange(mean(logRatios), Math.sqrt(variance(logRatios) / n), n - 1, n, logRatios.clone());
    }

    /**
     * From independent groups of fork values (logs): the sum of the {@code plus} groups' means minus
     * the sum of the {@code minus} groups' means, with Welch's standard error and Welch–Satterthwaite
     * degrees of freedom. Throughput: plus {B}, minus {A}. Speedup at W: plus {B(W), A(1)}, minus
     * {B(1), A(W)}.
     *
     * @throws IllegalArgumentException when a group has fewer than 2 forks (no spread to estimate)
     */
    public static LogChange independent(List<double[]> plus, List<double[]> minus) {
        double estimate = 0;
        double variance = 0;
        double dfDenominator = 0;
        int fewest = Integer.MAX_VALUE;
        for (int sign = 0; sign < 2; sign++) {
            for (double[] group : sign == 0 ? plus : minus) {
                int n = group.length;
                if (n < 2) {
                    throw new IllegalArgumentException("each group needs at least 2 forks, got " + n);
                }
                estimate += (sign == 0 ? 1 : -1) * mean(group);
                double v = variance(group) / n;
                variance += v;
                dfDenominator += v * v / (n - 1);
                fewest = Math.min(fewest, n);
            }
        }
        double df = dfDenominator > 0 ? variance * variance / dfDenominator : fewest - 1;
        return new LogChange(estimate, Math.sqrt(variance), df, fewest, new double[0]);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double variance(double[] values) {
        double m = mean(values);
        return Arrays.stream(values).map(x -> (x - m) * (x - m)).sum() / (values.length - 1);
    }
}
