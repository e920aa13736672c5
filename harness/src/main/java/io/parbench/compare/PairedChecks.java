package io.parbench.compare;

import io.parbench.change.LogChange;
import io.parbench.verdict.Metric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fork values of both sides, round by round, and the paired statistic of every check:
 *
 * <ul>
 *   <li>throughput of configuration c in round r: ln(B_c,r / A_c,r), B's and A's fork values, or
 *       the change measured inside one fork that ran both ({@link io.parbench.change.ForkValues#pairedLogRatio});
 *   <li>speedup at W in round r: ln(S_B,r(W) / S_A,r(W)) with S(W) = T(W) / T(1) from the same
 *       side's forks of that round, so each side's speedup is a ratio within one round.
 * </ul>
 *
 * @param <C> the configuration type
 */
public final class PairedChecks<C> {

    private final List<CheckKey<C>> checks = new ArrayList<>();
    private final Map<C, C> oneWorker = new HashMap<>();
    /** configuration -> round (from 1) -> {baseline, current} fork values, and ln(B/A) */
    private final Map<C, TreeMap<Integer, double[]>> values = new HashMap<>();

    /**
     * @param configurations the plan's configurations, in the order checks should be listed
     * @param oneWorkerOf for a configuration with more than one worker, its series' one-worker
     *     configuration if the plan has it; null otherwise (then it has no speedup check)
     */
    public PairedChecks(List<C> configurations, Function<C, C> oneWorkerOf) {
        for (C c : configurations) {
            checks.add(new CheckKey<>(c, Metric.THROUGHPUT));
            C one = oneWorkerOf.apply(c);
            if (one != null && configurations.contains(one)) {
                oneWorker.put(c, one);
                checks.add(new CheckKey<>(c, Metric.SPEEDUP));
            }
        }
    }

    public List<CheckKey<C>> checks() {
        return List.copyOf(checks);
    }

    /** The configurations a check reads. */
    public List<C> configurationsOf(CheckKey<C> check) {
        return check.metric() == Metric.SPEEDUP ? List.of(check.configuration(), oneWorker.get(check.configuration()))
                : List.of(check.configuration());
    }

    /** Records one round's pair of fork values (steps/s) of a configuration. */
    public void record(int round, C configuration, double baseline, double current) {
        record(round, configuration, baseline, current, Math.log(current) - Math.log(baseline));
    }

    /** Records one round's pair of fork values (steps/s) of a configuration, and the change ln(B/A) measured between them. */
    public void record(int round, C configuration, double baseline, double current, double logRatio) {
        if (!(baseline > 0 && current > 0) || Double.isInfinite(baseline) || Double.isInfinite(current) || !Double.isFinite(logRatio)) {
            throw new IllegalArgumentException("fork values must be positive and finite: " + baseline + ", " + current + ", " + logRatio);
        }
        values.computeIfAbsent(configuration, k -> new TreeMap<>()).put(round, new double[] {baseline, current, logRatio});
    }

    /** The configurations that the checks accepted by {@code active} read: what the next round measures. */
    public Set<C> needed(Predicate<CheckKey<C>> active) {
        Set<C> needed = new LinkedHashSet<>();
        checks.stream().filter(active).forEach(check -> needed.addAll(configurationsOf(check)));
        return needed;
    }

    /** Rounds in which every configuration the check reads was measured on both sides. */
    public List<Integer> rounds(CheckKey<C> check) {
        List<C> configs = configurationsOf(check);
        TreeMap<Integer, double[]> first = values.getOrDefault(configs.get(0), new TreeMap<>());
        return first.keySet().stream()
                .filter(r -> configs.stream().allMatch(c -> values.getOrDefault(c, new TreeMap<>()).containsKey(r)))
                .toList();
    }

    /** The check's per-round log-ratios ln(B/A), in round order, over its rounds up to {@code lastRound}. */
    public double[] logRatios(CheckKey<C> check, int lastRound) {
        return rounds(check).stream().filter(r -> r <= lastRound).mapToDouble(r -> logRatio(check, r)).toArray();
    }

    /** Each side's value of the check in one round: {baseline, current} (steps/s, or a speedup). */
    public double[] sides(CheckKey<C> check, int round) {
        double[] at = values.get(check.configuration()).get(round);
        if (check.metric() == Metric.THROUGHPUT) {
            return new double[] {at[0], at[1]};
        }
        double[] one = values.get(oneWorker.get(check.configuration())).get(round);
        return new double[] {at[0] / one[0], at[1] / one[1]};
    }

    /** A speedup's change is its W's minus its W = 1's: ln(S_B/S_A) = ln(B_W/A_W) - ln(B_1/A_1). */
    private double logRatio(CheckKey<C> check, int round) {
        double at = values.get(check.configuration()).get(round)[2];
        return check.metric() == Metric.THROUGHPUT ? at : at - values.get(oneWorker.get(check.configuration())).get(round)[2];
    }

    /** The paired change of each accepted check with at least 2 rounds up to {@code lastRound}. */
    public Map<CheckKey<C>, LogChange> changes(Predicate<CheckKey<C>> accepted, int lastRound) {
        Map<CheckKey<C>, LogChange> changes = new java.util.LinkedHashMap<>();
        for (CheckKey<C> check : checks) {
            if (accepted.test(check)) {
                double[] ratios = logRatios(check, lastRound);
                if (ratios.length >= 2) {
                    changes.put(check, LogChange.paired(ratios));
                }
            }
        }
        return changes;
    }
}
