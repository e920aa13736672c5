package io.parbench.compare;

import io.parbench.change.CheckDecision;
import io.parbench.change.ForkValues;
import io.parbench.change.Outcome;
import io.parbench.verdict.Metric;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A whole auto-sampled comparison, simulated: the small plan of GATE.md (a browser nbody at W = 1,
 * 2 and a native sum at W = 1, 2), both sides drawn from the noise model, side B's throughput
 * multiplied by a slowdown factor on the configurations given. The budget counts fork pairs, the
 * way time does: a round costs one pair per configuration still measured; after the first round the
 * plan is fitted to what the budget holds at that pace, as in a real comparison.
 */
final class SimulatedComparison {

    /** A simulated configuration: a series name, a worker count, its true throughput and its noise. */
    record Config(String series, int workers, double throughput, ForkNoise noise) {}

    static final ForkNoise BROWSER = new ForkNoise(0.04, 0.02, 0.02, 0.03);
    static final ForkNoise NATIVE_SUM = new ForkNoise(0.15, 0.02, 0.05, 0.03);

    static List<Config> smallPlan(ForkNoise browser, ForkNoise nativeSum) {
        return List.of(
                new Config("byo/nbody", 1, 2000, browser),
                new Config("byo/nbody", 2, 3800, browser),
                new Config("native/sum", 1, 5000, nativeSum),
                new Config("native/sum", 2, 5600, nativeSum));
    }

    /**
     * @param slowed configurations whose B side is slower
     * @param factor B's throughput over A's on those (1 / 1.1 for 10% more work per step)
     * @param budgetPairs fork pairs the budget pays for
     */
    static AutoSampling<Config> run(List<Config> plan, Set<Config> slowed, double factor, double threshold, int budgetPairs,
            RandomGenerator rng) {
        return run(plan, slowed, factor, threshold, budgetPairs, Load.NONE, null, rng);
    }

    /**
     * The same on a loaded machine: contention episodes slow forks and show in their run-queue
     * share, and with the pre-registered rule ({@code rerunContended}, null: off) a pair whose
     * either side waited beyond it is set aside, as {@link ComparisonReplay} does: its pair still
     * costs its time, its configuration is measured again in the next round.
     */
    static AutoSampling<Config> run(List<Config> plan, Set<Config> slowed, double factor, double threshold, int budgetPairs,
            Load load, Double rerunContended, RandomGenerator rng) {
        return run(plan, slowed, factor, threshold, budgetPairs, load, rerunContended, SequentialPlan.NoRegressionLevel.PER_CHECK, rng);
    }

    /** The same, deciding "no regression" at {@code noRegression}'s level. */
    static AutoSampling<Config> run(List<Config> plan, Set<Config> slowed, double factor, double threshold, int budgetPairs,
            Load load, Double rerunContended, SequentialPlan.NoRegressionLevel noRegression, RandomGenerator rng) {
        PairedChecks<Config> data = new PairedChecks<>(plan,
                c -> c.workers() == 1 ? null : plan.stream().filter(o -> o.series().equals(c.series()) && o.workers() == 1).findFirst().orElse(null));
        Map<CheckKey<Config>, Double> thresholds = new HashMap<>();
        data.checks().forEach(check -> thresholds.put(check, threshold));
        SequentialPlan looks = new SequentialPlan(SequentialPlan.DEFAULT_FIRST_LOOK, SequentialPlan.DEFAULT_GROWTH,
                SequentialPlan.DEFAULT_MAX_ROUNDS, SequentialPlan.DEFAULT_ALPHA, data.checks().size(), noRegression);
        AutoSampling<Config> sampling = new AutoSampling<>(data, looks, thresholds);
        int spent = 0;
        while (true) {
            Set<Config> next = sampling.nextRound();
            if (next.isEmpty() || spent + next.size() > budgetPairs) {
                break;
            }
            int round = sampling.rounds() + 1;
            for (Config c : next) {
                double drift = c.noise().drift(rng);
                Load.Pair contention = load.pair(rng);
                double a = ForkValues.of(c.noise().fork(c.throughput() * contention.baseline().speed(), drift, rng));
                double b = ForkValues.of(c.noise().fork(c.throughput() * (slowed.contains(c) ? factor : 1) * contention.current().speed(),
                        drift, rng));
                if (!Contention.setsAside(rerunContended, contention.baseline().share(), contention.current().share())) {
                    data.record(round, c, a, b);
                }
            }
            spent += next.size();
            sampling.roundDone();
            if (round == 1) {
                // As the real run does; every round before the first look costs the same here, so once is enough.
                sampling.fitRounds(budgetPairs / next.size());
            }
        }
        sampling.finish();
        return sampling;
    }

    /**
     * A loaded machine, per pair of forks: with {@code episodes} a contention episode reaches the
     * pair, both sides with {@code bothSides}, else one side at random. A contended side runs 20–60%
     * slower and shows a run-queue share that follows its slowdown loosely (0.6–1.1 of it: not every
     * slowdown is on the critical path, not every wait costs), except a {@code hidden} share of
     * contended sides, slowed by what the run queue does not show (memory bandwidth, a sibling
     * hyperthread), which wait as little as other forks: 1–4% of their time (the fork's own other
     * threads).
     */
    record Load(double episodes, double bothSides, double hidden) {

        static final Load NONE = new Load(0, 0, 0);

        /** What the machine did to one side's fork: its speed (1: untouched) and its run-queue share. */
        record Side(double speed, double share) {}

        record Pair(Side baseline, Side current) {}

        /** A quiet machine draws nothing, so the simulations without load see the same numbers as before it was modelled. */
        Pair pair(RandomGenerator rng) {
            if (this.equals(NONE)) {
                return new Pair(new Side(1, 0), new Side(1, 0));
            }
            boolean episode = rng.nextDouble() < episodes;
            boolean both = episode && rng.nextDouble() < bothSides;
            boolean baselineFirst = rng.nextBoolean();
            return new Pair(side(both || (episode && baselineFirst), rng), side(both || (episode && !baselineFirst), rng));
        }

        private Side side(boolean contended, RandomGenerator rng) {
            double quiet = 0.01 + 0.03 * rng.nextDouble();
            if (!contended) {
                return new Side(1, quiet);
            }
            double slowdown = 0.2 + 0.4 * rng.nextDouble();
            double share = rng.nextDouble() < hidden ? quiet : Math.min(1, slowdown * (0.6 + 0.5 * rng.nextDouble()));
            return new Side(1 - slowdown, share);
        }
    }

    static boolean anyRegression(AutoSampling<Config> sampling) {
        return sampling.decisions().values().stream().anyMatch(d -> d.outcome() == Outcome.REGRESSION);
    }

    static boolean throughputRegression(AutoSampling<Config> sampling, Config c) {
        return throughput(sampling, c, Outcome.REGRESSION);
    }

    static boolean throughput(AutoSampling<Config> sampling, Config c, Outcome outcome) {
        CheckDecision d = sampling.decisions().get(new CheckKey<>(c, Metric.THROUGHPUT));
        return d != null && d.outcome() == outcome;
    }

    static long count(AutoSampling<Config> sampling, Outcome outcome) {
        return sampling.decisions().values().stream().filter(d -> d.outcome() == outcome).count();
    }
}
