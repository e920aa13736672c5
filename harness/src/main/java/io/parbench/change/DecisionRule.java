package io.parbench.change;

import io.parbench.statistics.Statistics;
import java.util.List;

/**
 * Turns a {@link LogChange} into an {@link Outcome} with Student t intervals at one-sided levels:
 *
 * <ul>
 *   <li>regression: the whole interval is below no change (B significantly slower) and the
 *       estimate is a slowdown of at least the threshold;
 *   <li>improvement: the mirror image;
 *   <li>no regression: the interval excludes a slowdown as large as the threshold;
 *   <li>undecided: anything else.
 * </ul>
 *
 * A regression (or improvement) is tested at one level and "no regression" at another, which may
 * be larger: a false regression is an error of the family of checks, a false "no regression" one
 * of its own check (compare's {@code SequentialPlan}). The decision shows the interval it was
 * decided by; an undecided check the interval of the decision its estimate is nearer to: "no
 * regression" when the estimate is within the threshold, else a regression.
 */
public final class DecisionRule {

    private DecisionRule() {}

    /**
     * @param threshold the smallest slowdown that counts, e.g. 0.05
     * @param regressionLevel the chance of a false regression (or improvement) this decision may take, e.g. 0.05 / 48
     * @param noRegressionLevel the chance this decision may take of calling a slowdown of the threshold "no regression", e.g. 0.05 / 2
     */
    public static CheckDecision decide(LogChange change, double threshold, double regressionLevel, double noRegressionLevel) {
        Interval strict = Interval.of(change, regressionLevel);
        Interval lenient = Interval.of(change, noRegressionLevel);
        double slowdownLimit = Math.log1p(-threshold);
        double speedupLimit = -slowdownLimit;
        Outcome outcome;
        if (strict.high() < 0 && change.estimate() <= slowdownLimit) {
            outcome = Outcome.REGRESSION;
        } else if (strict.low() > 0 && change.estimate() >= speedupLimit) {
            outcome = Outcome.IMPROVEMENT;
        } else if (lenient.low() > slowdownLimit) {
            outcome = Outcome.NO_REGRESSION;
        } else {
            outcome = Outcome.UNDECIDED;
        }
        boolean towardsNoRegression = outcome == Outcome.NO_REGRESSION
                || (outcome == Outcome.UNDECIDED && change.estimate() > slowdownLimit);
        Interval shown = towardsNoRegression ? lenient : strict;
        Integer needed = outcome == Outcome.UNDECIDED ? replicatesNeeded(change, shown.t(), slowdownLimit) : null;
        return new CheckDecision(outcome, Math.expm1(change.estimate()), Math.expm1(shown.low()), Math.expm1(shown.high()),
                1 - 2 * shown.level(), change.replicates(), outliers(change.values()), needed);
    }

    /** A t interval of the log change at a one-sided level. */
    private record Interval(double low, double high, double t, double level) {
        static Interval of(LogChange change, double level) {
            double t = Statistics.tQuantile(change.degreesOfFreedom(), 1 - level);
            double halfWidth = t * change.standardError();
            return new Interval(change.estimate() - halfWidth, change.estimate() + halfWidth, t, level);
        }
    }

    /**
     * About how many replicates would make the interval narrow enough to decide, if the estimate and
     * the spread stayed as they are: a rough guide for people, not part of any decision.
     */
    private static Integer replicatesNeeded(LogChange change, double t, double slowdownLimit) {
        double sd = change.standardError() * Math.sqrt(change.replicates());
        // Room between the estimate and the boundary it is nearer to deciding against: the threshold
        // (for "no regression") or zero (for a regression past the threshold).
        double room = change.estimate() > slowdownLimit
                ? change.estimate() - slowdownLimit
                : Math.abs(change.estimate());
        if (room <= 0 || sd == 0) {
            return null;
        }
        double needed = Math.pow(t * sd / room, 2);
        return (int) Math.min(10_000, Math.max(change.replicates() + 1, Math.ceil(needed)));
    }

    /** Rounds (from 1) outside Tukey's outer fences; fewer than 4 rounds have no meaningful quartiles. */
    public static List<Integer> outliers(double[] values) {
        if (values.length < 4) {
            return List.of();
        }
        return Statistics.outsideTukeyFences(values, Statistics.TUKEY_OUTER).stream().map(i -> i + 1).toList();
    }
}
