package io.parbench.gate;

import io.parbench.change.CheckDecision;
import io.parbench.change.DecisionRule;
import io.parbench.change.ForkValues;
import io.parbench.change.LogChange;
import io.parbench.change.SpeedupForks;
import io.parbench.statistics.Statistics;
import io.parbench.verdict.Decision;
import io.parbench.verdict.Interval;
import io.parbench.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate's statistical decision, on the same footing as {@code parbench compare}: the fork (a
 * fresh JVM or page) is the sample, its value the median of its iterations; a change is the
 * difference of the sides' mean log fork values (speedup: of log T(W) - log T(1), paired within a
 * fork where a side measured both in the same forks, {@link SpeedupForks}), with a Welch t
 * interval at the confidence. The decision is the comparison's ({@link DecisionRule}): a
 * regression is significant and at least the threshold; "no regression" rules the threshold out;
 * anything else is undecided. Fewer than {@link #MINIMUM_FORKS} forks on a side are always
 * undecided: one or two processes cannot show how much the next one differs.
 *
 * <p>Unlike compare, the two documents were measured at different times, perhaps on different
 * machines, and each check is decided on its own (no correction for the number of checks): fit
 * for trends, not for a CI gate (GATE.md).
 */
public final class ChangeDetector {

    public static final int MINIMUM_FORKS = 3;

    private final double confidence;
    private final double oneSidedLevel;

    /** @param confidence of the two-sided interval, e.g. 0.95 */
    public ChangeDetector(double confidence) {
        this.confidence = confidence;
        this.oneSidedLevel = (1 - confidence) / 2;
    }

    /** Throughput at one worker count, current against baseline; samples per fork. */
    public Decision throughput(List<List<Double>> baseline, List<List<Double>> current, double threshold) {
        return decide(List.of(logForkValues(current)), List.of(logForkValues(baseline)), threshold);
    }

    /**
     * Speedup at one worker count: the current run's speedup against the baseline's, each side's
     * from its forks, paired within forks where the side measured T(1) and T(W) in the same ones.
     */
    public Decision speedup(SpeedupForks baseline, SpeedupForks current, double threshold) {
        List<double[]> plus = new ArrayList<>(current.plus());
        plus.addAll(baseline.minus());
        List<double[]> minus = new ArrayList<>(current.minus());
        minus.addAll(baseline.plus());
        return decide(plus, minus, threshold);
    }

    /** One run's speedup with its interval over forks (none with a single fork: low = high = the estimate). */
    public Interval speedup(SpeedupForks samples) {
        SpeedupForks.Estimate s = samples.interval(confidence);
        return new Interval(s.estimate(), s.low(), s.high());
    }

    /** The geometric mean of a side's fork values: the centre this statistic belongs with. */
    public static double typical(List<List<Double>> forks) {
        return Statistics.geometricMean(forks.stream().filter(f -> !f.isEmpty()).mapToDouble(ForkValues::of).toArray());
    }

    private Decision decide(List<double[]> plus, List<double[]> minus, double threshold) {
        int fewest = Math.min(plus.stream().mapToInt(g -> g.length).min().orElse(0), minus.stream().mapToInt(g -> g.length).min().orElse(0));
        double pointChange = Math.expm1(plus.stream().mapToDouble(ChangeDetector::mean).sum() - minus.stream().mapToDouble(ChangeDetector::mean).sum());
        if (fewest < 2) {
            return new Decision(Verdict.UNDECIDED, pointChange, null, null, MINIMUM_FORKS,
                    new Decision.TooFewForks(fewest, MINIMUM_FORKS, null));
        }
        CheckDecision d = DecisionRule.decide(LogChange.independent(plus, minus), threshold, oneSidedLevel, oneSidedLevel);
        if (fewest < MINIMUM_FORKS) {
            Integer needed = d.replicatesNeeded() == null ? MINIMUM_FORKS : Math.max(MINIMUM_FORKS, d.replicatesNeeded());
            return new Decision(Verdict.UNDECIDED, d.change(), d.low(), d.high(), needed,
                    new Decision.TooFewForks(fewest, MINIMUM_FORKS, d.replicatesNeeded() == null ? null : needed));
        }
        return new Decision(Verdict.of(d.outcome()), d.change(), d.low(), d.high(), d.replicatesNeeded(),
                new Decision.Tested(d, threshold, Decision.Replicates.FORKS_PER_SIDE));
    }

    private static double[] logForkValues(List<List<Double>> forks) {
        return forks.stream().filter(f -> !f.isEmpty()).mapToDouble(f -> Math.log(ForkValues.of(f))).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    public double confidence() {
        return confidence;
    }
}
