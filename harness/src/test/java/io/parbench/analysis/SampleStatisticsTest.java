package io.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class SampleStatisticsTest {

    private static final double EPS = 1e-12;

    @Test
    void meanStandardDeviationAndTIntervalMatchHandComputation() {
        SampleStats s = SampleStatistics.of(new double[] {1, 2, 3, 4, 5});
        double sd = Math.sqrt(2.5);
        double half = 2.7764451051977987 * sd / Math.sqrt(5); // t(0.975, 4 df)
        assertEquals(5, s.n());
        assertEquals(3, s.mean(), EPS);
        assertEquals(sd, s.stdDev(), EPS);
        assertEquals(3 - half, s.ciLow(), 1e-9);
        assertEquals(3 + half, s.ciHigh(), 1e-9);
        assertEquals(3, s.median(), EPS);
        assertEquals(1, s.mad(), EPS);
        assertEquals(sd / 3, s.cv(), EPS);
        assertEquals(List.of(), s.outliers());
    }

    @Test
    void tukeyFencesFlagTheFarValueAndKeepItInTheMean() {
        // sorted 9 10 11 12 13 50: Q1 = 10.25, Q3 = 12.75 (type 7), IQR 2.5, fences 6.5 and 16.5
        SampleStats s = SampleStatistics.of(new double[] {12, 50, 9, 11, 13, 10});
        assertEquals(List.of(1), s.outliers());
        assertEquals(17.5, s.mean(), EPS);
        assertEquals(11.5, s.median(), EPS);
        assertEquals(1.5, s.mad(), EPS); // deviations .5 .5 1.5 1.5 2.5 38.5
    }

    @Test
    void valuesExactlyOnAFenceAreNotOutliers() {
        // sorted -1 1 2 2 3 4 4 5 7: Q1 = 2, Q3 = 4 (type 7), IQR 2, fences exactly -1 and 7
        SampleStats s = SampleStatistics.of(new double[] {1, 2, 3, 4, 5, 7, -1, 2, 4});
        assertEquals(List.of(), s.outliers());
    }

    @Test
    void oneSampleHasNoSpreadAndACiOfTheMeanItself() {
        SampleStats s = SampleStatistics.of(new double[] {123.5});
        assertEquals(1, s.n());
        assertEquals(123.5, s.mean());
        assertEquals(0, s.stdDev());
        assertEquals(123.5, s.ciLow());
        assertEquals(123.5, s.ciHigh());
        assertEquals(123.5, s.median());
        assertEquals(0, s.mad());
        assertEquals(0, s.cv());
        assertEquals(List.of(), s.outliers());
    }

    @Test
    void identicalSamplesHaveExactlyZeroSpread() {
        double[] tenths = new double[10];
        Arrays.fill(tenths, 0.1); // summing 0.1 ten times is not exactly 1.0
        SampleStats s = SampleStatistics.of(tenths);
        assertEquals(0.1, s.mean());
        assertEquals(0, s.stdDev());
        assertEquals(0.1, s.ciLow());
        assertEquals(0.1, s.ciHigh());
        assertEquals(0, s.cv());
        assertEquals(List.of(), s.outliers());
    }

    @Test
    void allZeroThroughputGivesZeroCvNotNaN() {
        SampleStats s = SampleStatistics.of(new double[] {0, 0, 0});
        assertEquals(0, s.mean());
        assertEquals(0, s.cv());
    }

    @Test
    void emptySampleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SampleStatistics.of(new double[0]));
    }

    @Test
    void tIntervalsCoverTheTrueMeanAbout95PercentOfTheTime() {
        RandomGenerator random = new Well19937c(20240601L);
        int sets = 2000;
        int covered = 0;
        for (int k = 0; k < sets; k++) {
            double[] sample = new double[10];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = 100 + 15 * random.nextGaussian();
            }
            SampleStats s = SampleStatistics.of(sample);
            if (s.ciLow() <= 100 && 100 <= s.ciHigh()) {
                covered++;
            }
        }
        double coverage = (double) covered / sets;
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage);
    }
}
