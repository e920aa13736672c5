package io.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class AmdahlFitterTest {

    private static final int[] WORKERS = {2, 4, 8, 16};

    @Test
    void recoversTheParallelFractionFromNoisySpeedups() {
        RandomGenerator random = new Well19937c(3L);
        int perWorkerCount = 10;
        double[] workers = new double[WORKERS.length * perWorkerCount];
        double[] speedups = new double[workers.length];
        for (int k = 0; k < WORKERS.length; k++) {
            double[] noisy = Documents.noisy(random, perWorkerCount, AmdahlFitter.speedup(0.9, WORKERS[k]), 0.01);
            for (int i = 0; i < perWorkerCount; i++) {
                workers[k * perWorkerCount + i] = WORKERS[k];
                speedups[k * perWorkerCount + i] = noisy[i];
            }
        }
        AmdahlFit fit = AmdahlFitter.fit(workers, speedups).fit();
        assertEquals(0.9, fit.parallelFraction(), 0.005);
        assertTrue(fit.standardError() > 0 && fit.standardError() < 0.005, "se " + fit.standardError());
        assertTrue(Math.abs(fit.parallelFraction() - 0.9) < 4 * fit.standardError(), fit.toString());
        assertEquals(1 / (1 - fit.parallelFraction()), fit.maxSpeedup(), 1e-9);
    }

    @Test
    void exactSpeedupsGiveExactlyP() {
        double[] workers = {2, 4, 8, 16, 32};
        double[] speedups = new double[workers.length];
        for (int i = 0; i < workers.length; i++) {
            speedups[i] = AmdahlFitter.speedup(0.75, workers[i]);
        }
        AmdahlFit fit = AmdahlFitter.fit(workers, speedups).fit();
        assertEquals(0.75, fit.parallelFraction(), 1e-7);
        assertEquals(0, fit.standardError(), 1e-6);
        assertEquals(4, fit.maxSpeedup(), 1e-5);
    }

    @Test
    void linearOrBetterScalingIsPEqualsOneWithNoFiniteMaximum() {
        AmdahlFit fit = AmdahlFitter.fit(new double[] {2, 4, 8}, new double[] {2.1, 4.3, 8.5}).fit();
        assertEquals(1, fit.parallelFraction());
        assertNull(fit.maxSpeedup());
        assertTrue(Double.isFinite(fit.standardError()));
    }

    @Test
    void noSpeedupAtAllIsPEqualsZero() {
        AmdahlFit fit = AmdahlFitter.fit(new double[] {2, 4, 8}, new double[] {0.9, 0.8, 0.7}).fit();
        assertEquals(0, fit.parallelFraction());
        assertEquals(1, fit.maxSpeedup());
    }

    @Test
    void tooFewObservationsSayWhy() {
        FitResult<AmdahlFit> none = AmdahlFitter.fit(new double[0], new double[0]);
        assertNull(none.fit());
        assertEquals(SeriesNote.of(SeriesNote.Kind.AMDAHL_NO_PARALLEL_SAMPLES), none.note());
        FitResult<AmdahlFit> one = AmdahlFitter.fit(new double[] {4}, new double[] {3});
        assertNull(one.fit());
        assertEquals(SeriesNote.of(SeriesNote.Kind.AMDAHL_ONE_SAMPLE), one.note());
    }

    @Test
    void karpFlattMatchesHandComputationAndIsOneMinusPForAmdahlSpeedups() {
        assertEquals(1.0 / 9, SeriesAnalyzer.karpFlatt(3, 4), 1e-15); // (1/3 - 1/4) / (3/4)
        assertEquals(0, SeriesAnalyzer.karpFlatt(8, 8), 1e-15);
        assertEquals(1, SeriesAnalyzer.karpFlatt(1, 8), 1e-15);
        for (int w : WORKERS) {
            assertEquals(0.2, SeriesAnalyzer.karpFlatt(AmdahlFitter.speedup(0.8, w), w), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> SeriesAnalyzer.karpFlatt(1, 1));
        assertThrows(IllegalArgumentException.class, () -> SeriesAnalyzer.karpFlatt(0, 4));
    }
}
