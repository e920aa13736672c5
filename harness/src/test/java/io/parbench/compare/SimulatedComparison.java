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
        PairedChecks<Config> data = new PairedChecks<>(plan,
                c -> c.workers() == 1 ? null : plan.stream().filter(o -> o.series().equals(c.series()) && o.workers() == 1).findFirst().orElse(null));
        Map<CheckKey<Config>, Double> thresholds = new HashMap<>();
        data.checks().forEach(check -> thresholds.put(check, threshold));
        AutoSampling<Config> sampling = new AutoSampling<>(data, SequentialPlan.defaults(data.checks().size()), thresholds);
        int spent = 0;
        while (true) {
            Set<Config> next = sampling.nextRound();
            if (next.isEmpty() || spent + next.size() > budgetPairs) {
                break;
            }
            int round = sampling.rounds() + 1;
            for (Config c : next) {
                double drift = c.noise().drift(rng);
                double a = ForkValues.of(c.noise().fork(c.throughput(), drift, rng));
                double b = ForkValues.of(c.noise().fork(c.throughput() * (slowed.contains(c) ? factor : 1), drift, rng));
                data.record(round, c, a, b);
            }
            spent += next.size();
            sampling.roundDone();
            if (round == 1) {
                sampling.fitRounds(budgetPairs / next.size()); // as the real run does, at the first round's pace
            }
        }
        sampling.finish();
        return sampling;
    }

    static boolean anyRegression(AutoSampling<Config> sampling) {
        return sampling.decisions().values().stream().anyMatch(d -> d.outcome() == Outcome.REGRESSION);
    }

    static boolean throughputRegression(AutoSampling<Config> sampling, Config c) {
        CheckDecision d = sampling.decisions().get(new CheckKey<>(c, Metric.THROUGHPUT));
        return d != null && d.outcome() == Outcome.REGRESSION;
    }
}
