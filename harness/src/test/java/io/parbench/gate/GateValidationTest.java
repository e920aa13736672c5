package io.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.change.SpeedupForks;
import io.parbench.verdict.Decision;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.GateSettings;
import io.parbench.verdict.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded simulations of the gate's decision at its defaults (5% threshold, 95% confidence) with
 * forks as the samples: over many A/A comparisons at most 5% false alarms per check, also when
 * forks differ (model B); a true 10% slowdown detected at least 95% of the time from 5 forks x 3
 * iterations a side; fewer than 3 forks never decide.
 */
class GateValidationTest {

    private static final int TRIALS = 4000;
    private static final double THRESHOLD = GateSettings.DEFAULT_THRESHOLD;

    static Stream<NoiseModel> noiseModels() {
        return Stream.of(NoiseModel.IID_3, NoiseModel.FORKS_AND_STALLS);
    }

    @ParameterizedTest
    @MethodSource("noiseModels")
    void defaultsMeetTheFalseAlarmAndDetectionTargets(NoiseModel noise) {
        Rates rates = simulate(noise, 5, 3, TRIALS, 7);
        String report = noise.name() + ": " + rates;
        assertTrue(rates.throughputFalseAlarms <= 0.05, report);
        assertTrue(rates.speedupFalseAlarms <= 0.05, report);
        assertTrue(rates.throughputDetected >= 0.95, report);
        assertTrue(rates.speedupDetected >= 0.95, report);
    }

    @Test
    void fewerThanThreeForksAreUndecidedNeverAFalseVerdict() {
        Rates rates = simulate(NoiseModel.IID_3, 2, 10, 500, 11);
        assertTrue(rates.throughputFalseAlarms == 0 && rates.throughputDetected == 0, rates.toString());
        assertTrue(rates.speedupFalseAlarms == 0 && rates.speedupDetected == 0, rates.toString());
    }

    /**
     * A/A gate runs on whole documents (6 kernels at 1, 2 and 4 workers: 18 throughput and 12
     * speedup comparisons): how often does at least one comparison raise a false alarm?
     */
    @Test
    void wholeDocumentFalseAlarmRateAtDefaults() {
        double rate = wholeDocumentFalseAlarms(NoiseModel.IID_3, 5, 3, 200);
        assertTrue(rate <= 0.10, "whole-document false alarm rate " + rate);
    }

    /** The table behind the sample counts in GATE.md: run with -Dparbench.simulation.sweep=true. */
    @Test
    @EnabledIfSystemProperty(named = "parbench.simulation.sweep", matches = "true")
    void sweepSampleCounts() {
        int[][] designs = {{2, 5}, {3, 3}, {3, 5}, {4, 3}, {5, 3}, {5, 5}, {8, 3}};
        noiseModels().forEach(noise -> {
            for (int[] d : designs) {
                System.out.printf("%-45s %d forks x %d iterations: %s%n", noise.name(), d[0], d[1], simulate(noise, d[0], d[1], TRIALS, 7));
            }
            for (int[] d : new int[][] {{3, 3}, {5, 3}, {8, 3}}) {
                System.out.printf("%-45s %d forks x %d iterations: whole-document A/A false alarms %.3f%n",
                        noise.name(), d[0], d[1], wholeDocumentFalseAlarms(noise, d[0], d[1], 400));
            }
        });
    }

    private static double wholeDocumentFalseAlarms(NoiseModel noise, int forks, int iterations, int runs) {
        int failed = 0;
        Gate gate = new Gate(GateSettings.defaults());
        for (int i = 0; i < runs; i++) {
            GateReport report = gate.run(
                    suite(noise, forks, iterations, 2 * i).labelled("base"), suite(noise, forks, iterations, 2 * i + 1).labelled("cur"));
            failed += report.passed() ? 0 : 1;
        }
        return (double) failed / runs;
    }

    private static RunDocuments suite(NoiseModel noise, int forks, int iterations, long seed) {
        RunDocuments run = RunDocuments.run(noise, seed, forks, iterations);
        for (String kernel : new String[] {"sum", "histogram", "axpy", "nbody", "mandelbrot", "sort"}) {
            run.series("native", kernel, 1 << 20, RunDocuments.SCALING, 1);
        }
        return run;
    }

    /** Rates over trials: A/A false alarms and detections of a true 10% slowdown. */
    private static Rates simulate(NoiseModel noise, int forks, int iterations, int trials, long seed) {
        ChangeDetector detector = new ChangeDetector(GateSettings.DEFAULT_CONFIDENCE);
        Well19937c rng = new Well19937c(seed);
        Map<Integer, Double> curve = RunDocuments.SCALING;
        int[] counts = new int[5];
        for (int t = 0; t < trials; t++) {
            List<List<Double>> base1 = forks(noise.samples(curve.get(1), forks, iterations, rng), iterations);
            List<List<Double>> base4 = forks(noise.samples(curve.get(4), forks, iterations, rng), iterations);
            List<List<Double>> cur1 = forks(noise.samples(curve.get(1), forks, iterations, rng), iterations);
            List<List<Double>> cur4 = forks(noise.samples(curve.get(4), forks, iterations, rng), iterations);
            List<List<Double>> slower4 = forks(noise.samples(curve.get(4) * 0.9, forks, iterations, rng), iterations);
            Decision throughput = detector.throughput(base4, cur4, THRESHOLD);
            Decision speedup = detector.speedup(SpeedupForks.independent(base1, base4), SpeedupForks.independent(cur1, cur4), THRESHOLD);
            counts[0] += regression(throughput);
            counts[1] += regression(speedup);
            counts[4] += (throughput.verdict() == Verdict.UNDECIDED ? 1 : 0) + (speedup.verdict() == Verdict.UNDECIDED ? 1 : 0);
            counts[2] += regression(detector.throughput(base4, slower4, THRESHOLD));
            counts[3] += regression(detector.speedup(SpeedupForks.independent(base1, base4), SpeedupForks.independent(cur1, slower4), THRESHOLD));
        }
        return new Rates((double) counts[0] / trials, (double) counts[1] / trials, (double) counts[2] / trials,
                (double) counts[3] / trials, counts[4] / (2.0 * trials));
    }

    private static List<List<Double>> forks(double[] flat, int iterations) {
        List<List<Double>> forks = new ArrayList<>();
        for (int f = 0; f < flat.length / iterations; f++) {
            forks.add(Arrays.stream(flat, f * iterations, (f + 1) * iterations).boxed().toList());
        }
        return forks;
    }

    private static int regression(Decision d) {
        return d.verdict() == Verdict.REGRESSION ? 1 : 0;
    }

    /** @param undecided share of A/A comparisons (both metrics) that were undecided */
    private record Rates(
            double throughputFalseAlarms, double speedupFalseAlarms, double throughputDetected, double speedupDetected, double undecided) {
        @Override
        public String toString() {
            return String.format("false alarms: throughput %.3f, speedup %.3f; 10%% slowdown detected: throughput %.3f, speedup %.3f;"
                    + " A/A undecided %.3f", throughputFalseAlarms, speedupFalseAlarms, throughputDetected, speedupDetected, undecided);
        }
    }
}
