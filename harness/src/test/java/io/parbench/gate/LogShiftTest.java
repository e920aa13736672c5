package io.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogShiftTest {

    @Test
    void estimateIsTheMedianOfAllPairwiseRatios() {
        // Ratios of {2,4,6} to {1,2,3}: 2/3, 1, 4/3, 2, 2, 2, 3, 4, 6; the median is 2.
        LogShift shift = LogShift.between(new double[] {1, 2, 3}, new double[] {2, 4, 6}, 0.95);
        assertEquals(Math.log(2), shift.estimate(), 1e-12);
    }

    @Test
    void mosesIntervalUsesTheTabulatedOrderStatistics() {
        // n = m = 10 at 95%: the tables' critical U is 23, so the interval runs from the 24th smallest
        // to the 24th largest of the 100 pairwise differences. Samples 1..10 against e^(1..10 + 100)
        // make the log differences (100 + i - j) for i, j in 1..10: integers from 91 to 109.
        double[] from = IntStream.rangeClosed(1, 10).mapToDouble(i -> Math.exp(i)).toArray();
        double[] to = IntStream.rangeClosed(1, 10).mapToDouble(i -> Math.exp(100 + i)).toArray();
        LogShift shift = LogShift.between(from, to, 0.95);
        double[] sorted = IntStream.rangeClosed(1, 10)
                .flatMap(i -> IntStream.rangeClosed(1, 10).map(j -> 100 + i - j))
                .sorted()
                .asDoubleStream()
                .toArray();
        assertEquals(sorted[23], shift.low(), 1e-9);
        assertEquals(sorted[100 - 24], shift.high(), 1e-9);
        assertEquals(100, shift.estimate(), 1e-9);
    }

    @Test
    void differenceOfIndependentShiftsAddsErrorsInQuadrature() {
        LogShift a = new LogShift(0.10, 0.0, 0.2, 0.03);
        LogShift b = new LogShift(0.02, 0.0, 0.04, 0.04);
        LogShift d = a.minus(b, 0.95);
        assertEquals(0.08, d.estimate(), 1e-12);
        assertEquals(0.05, d.standardError(), 1e-12);
        assertEquals(0.08 - 1.959964 * 0.05, d.low(), 1e-6);
        assertFalse(d.excludesZero());
        assertTrue(new LogShift(0.2, 0.1, 0.3, 0.05).excludesZero());
    }
}
