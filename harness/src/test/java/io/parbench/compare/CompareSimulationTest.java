package io.parbench.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.change.ForkValues;
import io.parbench.change.LogChange;
import io.parbench.change.Outcome;
import io.parbench.compare.SimulatedComparison.Config;
import io.parbench.text.Format;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The comparison's statistics validated by seeded simulation, with the fork (not the iteration) as
 * the unit of noise: fork levels 5% (browser pages) and 15-20% (native processes on a shared VM),
 * whole slow forks, round drift. Deterministic (seeded); nothing depends on this machine's speed.
 * GATE.md quotes the figures these tests print.
 */
class CompareSimulationTest {

    /** A budget of 48 fork pairs: the small plan's 4 configurations for 12 rounds, about 5 minutes here. */
    static final int BUDGET_PAIRS = 48;
    static final double THRESHOLD = 0.05;
    /** 10% more work per step. */
    static final double SLOWER = 1 / 1.1;

    @Test
    void aaComparisonsRarelyReportAnyRegression() {
        double realistic = falseAlarmRate(SimulatedComparison.BROWSER, SimulatedComparison.NATIVE_SUM, 2000, 1);
        ForkNoise harsh = new ForkNoise(0.20, 0.03, 0.10, 0.05);
        double noisy = falseAlarmRate(harsh, harsh, 2000, 2);
        System.out.printf("A/A, small plan, budget %d pairs: any regression in %.2f%% (realistic noise), %.2f%% (20%% forks, 10%% slow forks)%n",
                BUDGET_PAIRS, 100 * realistic, 100 * noisy);
        assertTrue(realistic <= 0.05, "false alarms " + realistic);
        assertTrue(noisy <= 0.05, "false alarms " + noisy);
    }

    /** The threshold adds protection of its own; without it (threshold ~0) the sequential rule alone must hold alpha. */
    @Test
    void theSequentialRuleKeepsAlphaEvenWithoutTheThreshold() {
        RandomGenerator rng = new Well19937c(3);
        ForkNoise harsh = new ForkNoise(0.20, 0.03, 0.10, 0.05);
        List<Config> plan = SimulatedComparison.smallPlan(harsh, harsh);
        int alarms = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            // A threshold of 1e-9 makes "regression" mean "significant slowdown": the rule's alpha alone.
            if (SimulatedComparison.anyRegression(SimulatedComparison.run(plan, Set.of(), 1, 1e-9, SequentialPlan.DEFAULT_MAX_ROUNDS * 4, rng))) {
                alarms++;
            }
        }
        double rate = (double) alarms / trials;
        System.out.printf("A/A, threshold ~0, up to %d rounds: any significant slowdown in %.2f%% (alpha 5%%)%n",
                SequentialPlan.DEFAULT_MAX_ROUNDS, 100 * rate);
        assertTrue(rate <= 0.05, "false significant slowdowns " + rate);
    }

    @Test
    void aTenPercentSlowdownIsCaught() {
        RandomGenerator rng = new Well19937c(4);
        List<Config> plan = SimulatedComparison.smallPlan(SimulatedComparison.BROWSER, SimulatedComparison.NATIVE_SUM);
        Set<Config> slowed = new HashSet<>(plan.subList(0, 2)); // the byo nbody series: the adapter's spin knob
        int caught = 0;
        int falseElsewhere = 0;
        int trials = 1000;
        for (int t = 0; t < trials; t++) {
            AutoSampling<Config> result = SimulatedComparison.run(plan, slowed, SLOWER, THRESHOLD, BUDGET_PAIRS, rng);
            if (SimulatedComparison.throughputRegression(result, plan.get(0)) || SimulatedComparison.throughputRegression(result, plan.get(1))) {
                caught++;
            }
            if (SimulatedComparison.throughputRegression(result, plan.get(2)) || SimulatedComparison.throughputRegression(result, plan.get(3))) {
                falseElsewhere++;
            }
        }
        double power = (double) caught / trials;
        System.out.printf("10%% more work on byo nbody, budget %d pairs: caught in %.1f%%; native sum wrongly flagged in %.2f%%%n",
                BUDGET_PAIRS, 100 * power, 100.0 * falseElsewhere / trials);
        assertTrue(power >= 0.95, "power " + power);
    }

    /**
     * "No regression" spends alpha per check (over looks only): a check whose B is slower by exactly
     * the threshold, the hardest case, must be called "no regression" in at most 5% of comparisons,
     * each check on its own, with realistic and with harsh fork noise.
     */
    @Test
    void aSlowdownOfTheThresholdIsRarelyCalledNoRegression() {
        ForkNoise harsh = new ForkNoise(0.20, 0.03, 0.10, 0.05);
        for (ForkNoise[] noise : new ForkNoise[][] {{SimulatedComparison.BROWSER, SimulatedComparison.NATIVE_SUM}, {harsh, harsh}}) {
            RandomGenerator rng = new Well19937c(10);
            List<Config> plan = SimulatedComparison.smallPlan(noise[0], noise[1]);
            int[] missed = new int[plan.size()];
            int trials = 2000;
            for (int t = 0; t < trials; t++) {
                AutoSampling<Config> result = SimulatedComparison.run(plan, Set.copyOf(plan), 1 - THRESHOLD, THRESHOLD,
                        SequentialPlan.DEFAULT_MAX_ROUNDS * plan.size(), SimulatedComparison.Load.NONE, null, rng);
                for (int c = 0; c < plan.size(); c++) {
                    missed[c] += SimulatedComparison.throughput(result, plan.get(c), Outcome.NO_REGRESSION) ? 1 : 0;
                }
            }
            double worst = Arrays.stream(missed).max().orElseThrow() / (double) trials;
            System.out.printf("every configuration 5%% slower (the threshold), fork noise %.0f%%/%.0f%%, up to %d rounds:"
                    + " a throughput check called \"no regression\" in at most %.2f%% (alpha 5%% per check)%n",
                    100 * noise[0].forkSigma(), 100 * noise[1].forkSigma(), SequentialPlan.DEFAULT_MAX_ROUNDS, 100 * worst);
            assertTrue(worst <= 0.05, "no regression wrongly called in " + worst);
        }
    }

    /** What the level per check buys: A/A comparisons decide more of their checks, and none falsely. */
    @Test
    void aaComparisonsDecideMoreChecksWithTheLevelPerCheck() {
        double perCheck = decidedShare(SequentialPlan.NoRegressionLevel.PER_CHECK);
        double asRegressions = decidedShare(SequentialPlan.NoRegressionLevel.AS_FOR_REGRESSIONS);
        System.out.printf("A/A, small plan, budget %d pairs: %.1f%% of checks decided \"no regression\" (%.1f%% at the regressions' level)%n",
                BUDGET_PAIRS, 100 * perCheck, 100 * asRegressions);
        assertTrue(perCheck > asRegressions, perCheck + " against " + asRegressions);
    }

    private static double decidedShare(SequentialPlan.NoRegressionLevel level) {
        RandomGenerator rng = new Well19937c(11);
        List<Config> plan = SimulatedComparison.smallPlan(SimulatedComparison.BROWSER, SimulatedComparison.NATIVE_SUM);
        long decided = 0;
        long checks = 0;
        for (int t = 0; t < 1000; t++) {
            AutoSampling<Config> result = SimulatedComparison.run(plan, Set.of(), 1, THRESHOLD, BUDGET_PAIRS,
                    SimulatedComparison.Load.NONE, null, level, rng);
            decided += SimulatedComparison.count(result, Outcome.NO_REGRESSION);
            checks += result.checks().size();
        }
        return (double) decided / checks;
    }

    @Test
    void thePairedIntervalCoversTheTrueChange() {
        RandomGenerator rng = new Well19937c(5);
        ForkNoise noise = new ForkNoise(0.15, 0.02, 0.05, 0.05);
        double trueChange = Math.log(SLOWER);
        int trials = 4000;
        for (int rounds : new int[] {5, 10, 20}) {
            int covered = 0;
            for (int t = 0; t < trials; t++) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    double drift = noise.drift(rng);
                    double a = ForkValues.of(noise.fork(1000, drift, rng));
                    double b = ForkValues.of(noise.fork(1000 * SLOWER, drift, rng));
                    ratios[r] = Math.log(b / a);
                }
                LogChange change = LogChange.paired(ratios);
                double half = new TDistribution(null, change.degreesOfFreedom()).inverseCumulativeProbability(0.975) * change.standardError();
                if (Math.abs(change.estimate() - trueChange) <= half) {
                    covered++;
                }
            }
            double coverage = (double) covered / trials;
            System.out.printf("95%% paired t interval, 15%% fork noise + 5%% slow forks + drift, %d rounds: covers the true change in %.1f%%%n",
                    rounds, 100 * coverage);
            assertTrue(coverage >= 0.93 && coverage <= 0.975, rounds + " rounds: coverage " + coverage);
        }
    }

    /** A machine under load: a third of the fork pairs meet a contention episode, a third of those on both sides. */
    static final SimulatedComparison.Load LOADED = new SimulatedComparison.Load(1 / 3.0, 1 / 3.0, 0);

    /**
     * The pre-registered rule on a loaded machine ({@link #LOADED}): a pair whose either side
     * waited beyond the limit for a CPU is set aside. It must keep the A/A false alarms within 5%,
     * and it is adopted only if it also catches more 10% slowdowns than compare without it.
     */
    @Test
    void underLoadTheRerunRuleKeepsFalseAlarmsWithinAlphaAndCatchesMore() {
        double without = power(LOADED, null, 1000, 6);
        double with = power(LOADED, Contention.CONTENDED_SHARE, 1000, 6);
        double falseAlarms = falseAlarmRate(LOADED, Contention.CONTENDED_SHARE, 2000, 7);
        System.out.printf("loaded machine, --rerun-contended %s: A/A any regression %.2f%%; 10%% slowdown caught %.1f%% (without the rule %.1f%%)%n",
                Format.percent(Contention.CONTENDED_SHARE), 100 * falseAlarms, 100 * with, 100 * without);
        assertTrue(falseAlarms <= 0.05, "false alarms " + falseAlarms);
        assertTrue(with > without, "with the rule " + with + ", without " + without);
    }

    /** The table GATE.md quotes: loads and limits ({@code -Dparbench.simulation.sweep=true}). */
    @Test
    void rerunRuleSweep() {
        Assumptions.assumeTrue(Boolean.getBoolean("parbench.simulation.sweep"), "the sweep runs on request");
        for (double hidden : new double[] {0, 0.25}) {
            for (double episodes : new double[] {0.15, 1 / 3.0, 0.5}) {
                SimulatedComparison.Load load = new SimulatedComparison.Load(episodes, 1 / 3.0, hidden);
                for (Double limit : new Double[] {null, 0.05, 0.10, 0.20, 0.30}) {
                    System.out.printf("episodes %.2f, hidden %.2f, limit %s: A/A any regression %.2f%%, 10%% slowdown caught %.1f%%%n",
                            episodes, hidden, limit == null ? "off" : Format.percent(limit), 100 * falseAlarmRate(load, limit, 2000, 8),
                            100 * power(load, limit, 1000, 9));
                }
            }
        }
    }

    /** Share of comparisons that caught 10% more work on byo nbody (a throughput regression at W = 1 or 2). */
    private static double power(SimulatedComparison.Load load, Double limit, int trials, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        List<Config> plan = SimulatedComparison.smallPlan(SimulatedComparison.BROWSER, SimulatedComparison.NATIVE_SUM);
        Set<Config> slowed = new HashSet<>(plan.subList(0, 2));
        int caught = 0;
        for (int t = 0; t < trials; t++) {
            AutoSampling<Config> result = SimulatedComparison.run(plan, slowed, SLOWER, THRESHOLD, BUDGET_PAIRS, load, limit, rng);
            if (SimulatedComparison.throughputRegression(result, plan.get(0)) || SimulatedComparison.throughputRegression(result, plan.get(1))) {
                caught++;
            }
        }
        return (double) caught / trials;
    }

    private static double falseAlarmRate(SimulatedComparison.Load load, Double limit, int trials, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        List<Config> plan = SimulatedComparison.smallPlan(SimulatedComparison.BROWSER, SimulatedComparison.NATIVE_SUM);
        int alarms = 0;
        for (int t = 0; t < trials; t++) {
            if (SimulatedComparison.anyRegression(SimulatedComparison.run(plan, Set.of(), 1, THRESHOLD, BUDGET_PAIRS, load, limit, rng))) {
                alarms++;
            }
        }
        return (double) alarms / trials;
    }

    private static double falseAlarmRate(ForkNoise browser, ForkNoise nativeSum, int trials, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        List<Config> plan = SimulatedComparison.smallPlan(browser, nativeSum);
        int alarms = 0;
        for (int t = 0; t < trials; t++) {
            if (SimulatedComparison.anyRegression(SimulatedComparison.run(plan, Set.of(), 1, THRESHOLD, BUDGET_PAIRS, rng))) {
                alarms++;
            }
        }
        return (double) alarms / trials;
    }
}
