package io.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void ratioIntervalsCoverTheTrueRatioAbout95PercentOfTheTime() {
        RandomGenerator random = new Well19937c(7L);
        int simulations = 400;
        int covered = 0;
        for (int k = 0; k < simulations; k++) {
            double[] top = Documents.noisy(random, 20, 300, 0.10);
            double[] bottom = Documents.noisy(random, 20, 100, 0.10);
            Bootstrap.Interval interval = Bootstrap.ratioOfMeans(top, bottom, "simulation " + k);
            if (interval.low() <= 3 && 3 <= interval.high()) {
                covered++;
            }
        }
        double coverage = (double) covered / simulations;
        assertTrue(coverage >= 0.90 && coverage <= 0.98, "coverage " + coverage);
    }

    @Test
    void intervalIsReproducibleForTheSameNameAndSeededByIt() {
        RandomGenerator random = new Well19937c(11L);
        double[] top = Documents.noisy(random, 15, 200, 0.05);
        double[] bottom = Documents.noisy(random, 15, 100, 0.05);
        assertEquals(Bootstrap.ratioOfMeans(top, bottom, "a"), Bootstrap.ratioOfMeans(top, bottom, "a"));
        assertNotEquals(Bootstrap.ratioOfMeans(top, bottom, "a"), Bootstrap.ratioOfMeans(top, bottom, "b"));
    }

    @Test
    void identicalSamplesGiveAPointInterval() {
        Bootstrap.Interval interval = Bootstrap.ratioOfMeans(new double[] {6, 6, 6}, new double[] {2, 2}, "x");
        assertEquals(new Bootstrap.Interval(3, 3), interval);
    }

    @Test
    void zeroDenominatorIsUnboundedNotInfinity() {
        assertNull(Bootstrap.ratioOfMeans(new double[] {1, 2}, new double[] {0, 0, 0}, "x"));
    }

    @Test
    void aRareZeroInTheDenominatorStillGivesAFiniteInterval() {
        Bootstrap.Interval interval = Bootstrap.ratioOfMeans(
                new double[] {200, 210, 190, 205}, new double[] {0, 100, 101, 99, 100, 98, 102, 100}, "x");
        assertTrue(Double.isFinite(interval.high()), interval.toString());
        assertTrue(interval.low() <= 2.3 && interval.high() >= 2.3, interval.toString());
    }
}
