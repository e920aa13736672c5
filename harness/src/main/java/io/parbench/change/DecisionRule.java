package io.parbench.change;

import io.parbench.statistics.Statistics;
import java.util.List;

/**
 * Turns a {@link LogChange} into an {@link Outcome} with a Student t interval at a given one-sided
 * level (the sequential plan's share of alpha for one check at one look):
 *
 * <ul>
 *   <li>regression: the whole interval is below no change (B significantly slower) and the
 *       estimate is a slowdown of at least the threshold;
 *   <li>improvement: the mirror image;
 *   <li>no regression: the interval excludes a slowdown as large as the threshold;
 *   <li>undecided: anything else.
 * </ul>
 */
public final class DecisionRule {

    private DecisionRule() {}

    /**
     * @param threshold the smallest slowdown that counts, e.g. 0.05
     * @param oneSidedLevel the chance of a false regression this decision may take, e.g. 0.05 / 36
     */
    public static CheckDecision decide(LogChange change, double threshold, double oneSidedLevel) {
        double t = Statistics.tQuantile(change.degreesOfFreedom(), 1 - oneSidedLevel);
        double halfWidth = t * change.standardError();
        double low = change.estimate() - halfWidth;
        double high = change.estimate() + halfWidth;
        double slowdownLimit = Math.log1p(-threshold);
        double speedupLimit = -slowdownLimit;
        Outcome outcome;
        if (high < 0 && change.estimate() <= slowdownLimit) {
            outcome = Outcome.REGRESSION;
        } else if (low > 0 && change.estimate() >= speedupLimit) {
            outcome = Outcome.IMPROVEMENT;
        } else if (low > slowdownLimit) {
            outcome = Outcome.NO_REGRESSION;
        } else {
            outcome = Outcome.UNDECIDED;
        }
        Integer needed = outcome == Outcome.UNDECIDED ? replicatesNeeded(change, t, slowdownLimit) : null;
        return new CheckDecision(outcome, Math.expm1(change.estimate()), Math.expm1(low), Math.expm1(high),
                1 - 2 * oneSidedLevel, change.replicates(), outliers(change.values()), needed);
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
