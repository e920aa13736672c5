package io.parbench.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.SampleSource;
import io.parbench.results.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class SpeedupForksTest {

    private static final Configuration ONE = new Configuration("chromium", "nbody", null, 512, 1);
    private static final Configuration TWO = new Configuration("chromium", "nbody", null, 512, 2);

    @Test
    void forksThatMeasuredBothWorkerCountsArePairedAndTheOthersLeftOut() {
        // Fork 7 measured W = 1 only (it failed before W = 2): nothing to pair it with.
        ConfigurationResult one = result(ONE, List.of(3, 5, 7), List.of(100.0, 102.0), List.of(50.0, 50.0), List.of(80.0, 80.0));
        ConfigurationResult two = result(TWO, List.of(5, 3), List.of(90.0, 90.0), List.of(190.0, 194.0));
        SpeedupForks s = SpeedupForks.of(one, two);
        assertTrue(s.paired());
        assertEquals(2, s.forks());
        // Fork 3: 192 / 101, fork 5: 90 / 50; the estimate is their geometric mean.
        assertEquals(Math.sqrt(192.0 / 101 * (90.0 / 50)), Math.exp(s.logEstimate()), 1e-12);
    }

    @Test
    void resultsWithoutSourcesAreIndependentGroups() {
        ConfigurationResult one = new ConfigurationResult(ONE, Status.OK, null, List.of(List.of(100.0), List.of(121.0)), "0", "0", null,
                null, null, List.of());
        ConfigurationResult two = new ConfigurationResult(TWO, Status.OK, null, List.of(List.of(200.0), List.of(242.0)), "0", "0", null,
                null, null, List.of());
        SpeedupForks s = SpeedupForks.of(one, two);
        assertFalse(s.paired());
        assertEquals(2.0, Math.exp(s.logEstimate()), 1e-12);
    }

    @Test
    void oneForkHasNoSpreadSoNoInterval() {
        SpeedupForks s = SpeedupForks.of(result(ONE, List.of(1), List.of(100.0, 104.0)), result(TWO, List.of(1), List.of(180.0, 184.0)));
        assertNull(s.change());
        SpeedupForks.Estimate i = s.interval(0.95);
        assertEquals(i.estimate(), i.low());
        assertEquals(i.estimate(), i.high());
    }

    /**
     * Seeded simulation with between-fork variance: each fork (page) has its own level, 15% (sd of
     * the log) apart, shared by T(1) and T(W) inside it, plus 3% of its own on S(W) and 2% per
     * iteration. The paired 95% interval covers the true S(W) about 95% of the time and is far
     * narrower than the interval that treats the same forks as independent groups.
     */
    @Test
    void pairedIntervalsCoverTheTrueSpeedupAndAreNarrowerThanUnpairedOnes() {
        Well19937c random = new Well19937c(19);
        double trueSpeedup = 1.8;
        int trials = 4000;
        int forks = 5;
        int covered = 0;
        double[] widthRatio = new double[trials];
        for (int t = 0; t < trials; t++) {
            List<List<Double>> oneForks = new ArrayList<>();
            List<List<Double>> twoForks = new ArrayList<>();
            for (int f = 0; f < forks; f++) {
                double level = 1000 * Math.exp(0.15 * random.nextGaussian());
                double speedup = trueSpeedup * Math.exp(0.03 * random.nextGaussian());
                oneForks.add(iterations(level, 3, random));
                twoForks.add(iterations(level * speedup, 3, random));
            }
            List<Integer> ids = List.of(0, 1, 2, 3, 4);
            SpeedupForks.Estimate paired = SpeedupForks.of(forks(ONE, ids, oneForks), forks(TWO, ids, twoForks)).interval(0.95);
            SpeedupForks.Estimate independent = SpeedupForks.independent(oneForks, twoForks).interval(0.95);
            covered += paired.low() <= trueSpeedup && trueSpeedup <= paired.high() ? 1 : 0;
            widthRatio[t] = Math.log(independent.high() / independent.low()) / Math.log(paired.high() / paired.low());
        }
        double coverage = (double) covered / trials;
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage);
        Arrays.sort(widthRatio);
        assertTrue(widthRatio[trials / 2] > 3, "median width ratio " + widthRatio[trials / 2]);
    }

    private static List<Double> iterations(double level, int n, Well19937c random) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(level * Math.exp(0.02 * random.nextGaussian()));
        }
        return values;
    }

    @SafeVarargs
    private static ConfigurationResult result(Configuration c, List<Integer> forks, List<Double>... samples) {
        return forks(c, forks, List.of(samples));
    }

    private static ConfigurationResult forks(Configuration c, List<Integer> forks, List<List<Double>> samples) {
        List<SampleSource> sources = forks.stream().map(f -> new SampleSource(f, List.of())).toList();
        return new ConfigurationResult(c, Status.OK, null, samples, sources, "0", "0", null, null, null, List.of());
    }
}
