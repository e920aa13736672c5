package io.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.change.SpeedupForks;
import io.parbench.verdict.Decision;
import io.parbench.verdict.Interval;
import io.parbench.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's decision on fork values: the shared statistics core, Welch intervals of independent forks. */
class ChangeDetectorTest {

    private final ChangeDetector detector = new ChangeDetector(0.95);

    /** Forks at the given levels, each with three iterations around its level. */
    private static List<List<Double>> forks(double... levels) {
        List<List<Double>> forks = new ArrayList<>();
        for (double level : levels) {
            forks.add(List.of(level * 0.99, level, level * 1.01));
        }
        return forks;
    }

    @Test
    void aClearSlowdownOfEveryForkIsARegression() {
        Decision d = detector.throughput(forks(100, 101, 99, 100, 102), forks(80, 81, 79, 80, 82), 0.05);
        assertEquals(Verdict.REGRESSION, d.verdict(), d.reason());
        assertEquals(-0.2, d.change(), 0.01);
        assertTrue(d.changeHigh() < 0);
    }

    @Test
    void theSameForksAreNoRegression() {
        Decision d = detector.throughput(forks(100, 101, 99, 100, 102), forks(100, 101, 99, 100, 102), 0.05);
        assertEquals(Verdict.NO_REGRESSION, d.verdict(), d.reason());
    }

    @Test
    void twoForksASideAreUndecidedAndSayHowManyWouldDecide() {
        Decision d = detector.throughput(forks(100, 104), forks(80, 83), 0.05);
        assertEquals(Verdict.UNDECIDED, d.verdict(), d.reason());
        assertTrue(d.reason().contains("at least 3 per side are needed"), d.reason());
        assertTrue(d.samplesNeeded() >= 3, d.reason());
    }

    @Test
    void oneForkASideCannotEvenShowItsSpread() {
        Decision d = detector.throughput(forks(100), forks(50), 0.05);
        assertEquals(Verdict.UNDECIDED, d.verdict(), d.reason());
        assertEquals(-0.5, d.change(), 0.01);
    }

    @Test
    void noisyForksAreUndecided() {
        Decision d = detector.throughput(forks(100, 130, 80, 110, 90), forks(95, 120, 75, 105, 85), 0.05);
        assertEquals(Verdict.UNDECIDED, d.verdict(), d.reason());
        assertTrue(d.samplesNeeded() > 5, d.reason());
    }

    @Test
    void worseScalingIsASpeedupRegression() {
        SpeedupForks baseline = SpeedupForks.independent(forks(100, 101, 99, 100), forks(190, 192, 188, 190));
        SpeedupForks current = SpeedupForks.independent(forks(100, 101, 99, 100), forks(150, 152, 149, 151));
        assertEquals(Verdict.REGRESSION, detector.speedup(baseline, current, 0.05).verdict());
        Interval s = detector.speedup(baseline);
        assertEquals(1.9, s.estimate(), 0.01);
        assertTrue(s.low() < 1.9 && s.high() > 1.9);
    }
}
