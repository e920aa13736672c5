package io.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class UslFitterTest {

    private static final double[] WORKERS = {2, 4, 8, 16, 24, 32, 48, 64};

    private static double usl(double lambda, double sigma, double kappa, double w) {
        return lambda * w / (1 + sigma * (w - 1) + kappa * w * (w - 1));
    }

    /** perWorkerCount noisy samples of the USL curve at each of WORKERS, flattened. */
    private static double[][] curve(long seed, double lambda, double sigma, double kappa, double noise) {
        RandomGenerator random = new Well19937c(seed);
        int perWorkerCount = 10;
        double[] workers = new double[WORKERS.length * perWorkerCount];
        double[] throughputs = new double[workers.length];
        for (int k = 0; k < WORKERS.length; k++) {
            double[] samples = Documents.noisy(random, perWorkerCount, usl(lambda, sigma, kappa, WORKERS[k]), noise);
            for (int i = 0; i < perWorkerCount; i++) {
                workers[k * perWorkerCount + i] = WORKERS[k];
                throughputs[k * perWorkerCount + i] = samples[i];
            }
        }
        return new double[][] {workers, throughputs};
    }

    @Test
    void recoversContentionAndCoherencyFromNoisyCurves() {
        double[][] sets = {{0.05, 0.0005}, {0.02, 0.002}, {0.10, 0.0}, {0.3, 0.0001}};
        for (int s = 0; s < sets.length; s++) {
            double sigma = sets[s][0];
            double kappa = sets[s][1];
            double[][] data = curve(100 + s, 1000, sigma, kappa, 0.02);
            UslFit fit = UslFitter.fit(data[0], data[1], 1000).fit();
            String what = "sigma " + sigma + " kappa " + kappa + ": " + fit;
            assertEquals(sigma, fit.contention(), 4 * fit.contentionStdErr() + 1e-3, what);
            assertEquals(kappa, fit.coherency(), 4 * fit.coherencyStdErr() + 1e-5, what);
            assertTrue(fit.contentionStdErr() < 0.1 * sigma + 0.005, what);
            assertTrue(fit.coherencyStdErr() < 0.1 * kappa + 5e-5, what);
            assertEquals(1000, fit.lambda());
        }
    }

    @Test
    void predictsThePeakOfAPeakingCurve() {
        double[][] data = curve(5, 1000, 0.05, 0.0005, 0.02);
        UslFit fit = UslFitter.fit(data[0], data[1], 1000).fit();
        double truePeak = Math.sqrt(0.95 / 0.0005); // 43.6
        assertEquals(truePeak, fit.peakWorkers(), 0.15 * truePeak, fit.toString());
        assertEquals(usl(1000, 0.05, 0.0005, truePeak), fit.peakThroughput(), 0.03 * fit.peakThroughput());
        assertEquals(fit.throughputAt(fit.peakWorkers()), fit.peakThroughput(), 1e-9);
    }

    @Test
    void exactCurveIsRecoveredExactly() {
        double[][] data = curve(1, 500, 0.08, 0.001, 0);
        UslFit fit = UslFitter.fit(data[0], data[1], 500).fit();
        assertEquals(0.08, fit.contention(), 1e-7);
        assertEquals(0.001, fit.coherency(), 1e-9);
    }

    @Test
    void linearScalingFitsZeroContentionAndCoherencyWithNoPeak() {
        double[] workers = {2, 2, 4, 4, 8, 8};
        double[] throughputs = {200, 200, 400, 400, 800, 800};
        UslFit fit = UslFitter.fit(workers, throughputs, 100).fit();
        assertEquals(0, fit.contention(), 1e-9);
        assertEquals(0, fit.coherency(), 1e-9);
        assertNull(fit.peakWorkers());
        assertNull(fit.peakThroughput());
    }

    @Test
    void superlinearScalingStaysWithinTheBounds() {
        double[] workers = {2, 2, 4, 4, 8, 8};
        double[] throughputs = {230, 226, 480, 470, 1000, 990};
        UslFit fit = UslFitter.fit(workers, throughputs, 100).fit();
        assertEquals(0, fit.contention());
        assertEquals(0, fit.coherency());
    }

    @Test
    void throughputThatOnlyFallsPeaksAtOneWorker() {
        double[] workers = {2, 2, 4, 4, 8, 8};
        double[] throughputs = {60, 61, 40, 41, 25, 24};
        UslFit fit = UslFitter.fit(workers, throughputs, 100).fit();
        assertTrue(fit.contention() > 1, fit.toString());
        assertEquals(1.0, fit.peakWorkers());
        assertEquals(100, fit.peakThroughput(), 1e-9);
    }

    @Test
    void peakFormulaAndItsEdges() {
        assertEquals(Math.sqrt(0.9 / 0.01), UslFitter.peakWorkers(0.1, 0.01), 1e-12);
        assertNull(UslFitter.peakWorkers(0.1, 0));
        assertEquals(1.0, UslFitter.peakWorkers(1.2, 0));
        assertEquals(1.0, UslFitter.peakWorkers(0.9, 0.5)); // sqrt(0.2) < 1
    }

    @Test
    void tooFewWorkerCountsOrSamplesSayWhy() {
        FitResult<UslFit> oneCount = UslFitter.fit(new double[] {4, 4, 4}, new double[] {3, 3, 3}, 1);
        assertNull(oneCount.fit());
        assertEquals(new SeriesNote(SeriesNote.Kind.USL_TOO_FEW_WORKER_COUNTS, 0, 1, null), oneCount.note());
        FitResult<UslFit> twoSamples = UslFitter.fit(new double[] {2, 4}, new double[] {2, 3}, 1);
        assertNull(twoSamples.fit());
        assertEquals(new SeriesNote(SeriesNote.Kind.USL_TOO_FEW_SAMPLES, 0, 2, null), twoSamples.note());
    }
}
