package io.parbench.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void quantilesInterpolateBetweenOrderStatisticsAsRDoes() {
        double[] values = {7, 1, 3, 5};
        // R: quantile(c(1, 3, 5, 7), c(0.25, 0.5, 0.9)) = 2.5, 4, 6.4
        assertEquals(2.5, Statistics.quantile(values, 0.25), 1e-12);
        assertEquals(4, Statistics.median(values), 1e-12);
        assertEquals(6.4, Statistics.quantile(values, 0.9), 1e-12);
        assertEquals(3, Statistics.median(List.of(3.0)));
    }

    @Test
    void tukeyFencesFlagValuesBeyondTheQuartilesByKInterquartileRanges() {
        // Q1 = 2.25, Q3 = 4, IQR = 1.75: inner fences at -0.375 and 6.625, outer ones at -3 and 9.25.
        double[] values = {2, 2, 3, 4, 4, 3, 20, 9, -2, 3};
        assertEquals(List.of(6, 7, 8), Statistics.outsideTukeyFences(values, Statistics.TUKEY_INNER));
        assertEquals(List.of(6), Statistics.outsideTukeyFences(values, Statistics.TUKEY_OUTER));
    }

    @Test
    void tQuantilesMatchTheTables() {
        assertEquals(2.228, Statistics.tQuantile(10, 0.975), 5e-4);
        assertEquals(1.645, Statistics.tQuantile(1e9, 0.95), 5e-4); // a normal's, with unbounded degrees of freedom
        assertEquals(6.314, Statistics.tQuantile(1, 0.95), 5e-4);
    }

    @Test
    void theGeometricMeanIsTheExponentOfTheMeanLog() {
        assertEquals(4, Statistics.geometricMean(new double[] {2, 8}), 1e-12);
        assertEquals(3, Statistics.geometricMean(new double[] {3}), 1e-12);
    }
}
