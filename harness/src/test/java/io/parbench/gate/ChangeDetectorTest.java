package io.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

    private final ChangeDetector detector = new ChangeDetector(0.95);

    @Test
    void minimumSamplesIsWhereEvenPerfectSeparationBecomesSignificant() {
        // Exact two-sided minimum p-values: 2/C(6,3) = 0.1, 2/C(8,4) = 0.029, 2/C(10,5) = 0.0079, 2/C(14,7) = 0.00058.
        assertEquals(4, ChangeDetector.minimumSamples(0.05));
        assertEquals(5, ChangeDetector.minimumSamples(0.01));
        assertEquals(7, ChangeDetector.minimumSamples(0.001));
    }

    @Test
    void identicalSamplesAreUnchanged() {
        double[] samples = samples(100, 0.03, 10, 1);
        Decision d = detector.throughput(samples, samples.clone(), 0.05);
        assertEquals(Verdict.UNCHANGED, d.verdict());
        assertEquals(0, d.change(), 1e-12);
        assertEquals(1, d.pValue(), 1e-9);
    }

    @Test
    void aTwentyPercentSlowdownIsARegressionOfThatSize() {
        Decision d = detector.throughput(samples(100, 0.03, 10, 1), samples(80, 0.03, 10, 2), 0.05);
        assertEquals(Verdict.REGRESSION, d.verdict(), d.reason());
        assertEquals(-0.20, d.change(), 0.03);
        assertTrue(d.pValue() < 0.001);
        assertTrue(d.changeLow() < d.change() && d.change() < d.changeHigh());
        assertNull(d.samplesNeeded());
    }

    @Test
    void aTwentyPercentSpeedUpIsAnImprovement() {
        Decision d = detector.throughput(samples(100, 0.03, 10, 1), samples(120, 0.03, 10, 2), 0.05);
        assertEquals(Verdict.IMPROVED, d.verdict(), d.reason());
    }

    @Test
    void aSignificantChangeBelowTheThresholdIsUnchanged() {
        // 2% slower with 0.3% noise: clearly real, but smaller than the 5% that counts.
        Decision d = detector.throughput(samples(100, 0.003, 10, 1), samples(98, 0.003, 10, 2), 0.05);
        assertEquals(Verdict.UNCHANGED, d.verdict());
        assertTrue(d.pValue() < 0.05);
        assertTrue(d.reason().contains("significant but within the 5% threshold"), d.reason());
    }

    @Test
    void threeSamplesPerSideCanNeverDecideAndSayHowManyAreNeeded() {
        Decision d = detector.throughput(new double[] {100, 101, 99}, new double[] {50, 51, 49}, 0.05);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict());
        assertNotNull(d.samplesNeeded());
        assertTrue(d.samplesNeeded() >= 4, d.reason());
        assertTrue(d.reason().startsWith("too few samples (3 per side)"), d.reason());
    }

    @Test
    void aLargeButNoisyChangeIsInconclusiveWithMoreSamplesNeeded() {
        // 10% slower on average, but with 25% noise five samples cannot show it.
        Decision d = detector.throughput(
                new double[] {100, 70, 130, 85, 115}, new double[] {90, 63, 117, 76, 104}, 0.05);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict(), d.reason());
        assertTrue(d.samplesNeeded() > 5, d.reason());
        assertTrue(d.reason().contains("samples per side would decide"), d.reason());
    }

    @Test
    void noiseWiderThanTheThresholdIsInconclusiveEvenWithoutAVisibleChange() {
        Decision d = detector.throughput(samples(100, 0.20, 10, 1), samples(100, 0.20, 10, 2), 0.05);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict(), d.reason());
        assertTrue(d.samplesNeeded() > 10, d.reason());
    }

    @Test
    void aWorseSpeedupIsASpeedupRegression() {
        SpeedupSamples baseline = new SpeedupSamples(samples(100, 0.02, 10, 1), samples(350, 0.02, 10, 2));
        SpeedupSamples current = new SpeedupSamples(samples(100, 0.02, 10, 3), samples(280, 0.02, 10, 4));
        Decision d = detector.speedup(baseline, current, 0.05);
        assertEquals(Verdict.REGRESSION, d.verdict(), d.reason());
        assertEquals(-0.20, d.change(), 0.03);
        assertEquals(3.5, detector.speedup(baseline).estimate(), 0.1);
    }

    @Test
    void aUniformSlowdownLeavesTheSpeedupUnchanged() {
        SpeedupSamples baseline = new SpeedupSamples(samples(100, 0.01, 10, 1), samples(350, 0.01, 10, 2));
        SpeedupSamples current = new SpeedupSamples(samples(80, 0.01, 10, 3), samples(280, 0.01, 10, 4));
        assertEquals(Verdict.UNCHANGED, detector.speedup(baseline, current, 0.05).verdict());
    }

    private static double[] samples(double mean, double cv, int n, long seed) {
        Well19937c rng = new Well19937c(seed);
        double[] out = new double[n];
        Arrays.setAll(out, i -> mean * Math.exp(cv * rng.nextGaussian()));
        return out;
    }
}
