package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThreadSeriesTest {

    private static final long MS = 1_000_000;

    /** 0..10 ms: ran 10 ms; 10..20 ms: waited 10 ms; 20..30 ms: asleep. */
    private static ThreadSeries series() {
        ThreadSeries s = new ThreadSeries();
        s.add(1000 * MS, 0, 0);
        s.add(1010 * MS, 10 * MS, 0);
        s.add(1020 * MS, 10 * MS, 10 * MS);
        s.add(1030 * MS, 10 * MS, 10 * MS);
        return s;
    }

    @Test
    void interpolatesBetweenSamples() {
        ThreadSeries s = series();
        assertEquals(new ThreadSeries.Times(5 * MS, 0), s.at(1005 * MS));
        assertEquals(new ThreadSeries.Times(10 * MS, 2500_000), s.at(1012 * MS + MS / 2));
        assertEquals(new ThreadSeries.Times(7 * MS, 5 * MS), s.between(1003 * MS, 1015 * MS));
        assertEquals(new ThreadSeries.Times(10 * MS, 0), s.at(1010 * MS), "on a sample: that sample");
    }

    /**
     * A thread that never waited in one block and waited half the time in the next, polled every
     * 50 ms out of step with the blocks: each block gets exactly its own, where interpolating its
     * edges would give the first 6 ms of the second's wait and the second only 38 ms of its 50.
     */
    @Test
    void aWindowsEdgesAreChargedAtItsOwnRateNotItsNeighbours() {
        ThreadSeries s = new ThreadSeries();
        // Asleep until 1000 ms, runs all the time to 1100, then runs half and waits half to 1200, then asleep.
        long[] polls = {980, 1030, 1080, 1130, 1180, 1230};
        long[] cpuMs = {0, 30, 80, 115, 140, 150};
        long[] waitedMs = {0, 0, 0, 15, 40, 50};
        for (int i = 0; i < polls.length; i++) {
            s.add(polls[i] * MS, cpuMs[i] * MS, waitedMs[i] * MS);
        }
        assertEquals(new ThreadSeries.Times(100 * MS, 0), s.between(1000 * MS, 1100 * MS));
        assertEquals(new ThreadSeries.Times(50 * MS, 50 * MS), s.between(1100 * MS, 1200 * MS));
        assertEquals(6 * MS, s.at(1100 * MS).minus(s.at(1000 * MS)).runQueueNs(), "what interpolation gives the first");
        assertEquals(38 * MS, s.at(1200 * MS).minus(s.at(1100 * MS)).runQueueNs(), "and the second");
    }

    /** A window that begins while the thread sleeps: nothing is charged before the thread woke. */
    @Test
    void aWindowBeginningInARunOfEqualSamplesGetsNothingFromIt() {
        ThreadSeries s = new ThreadSeries();
        for (long t = 900; t <= 1050; t += 50) {
            s.add(t * MS, 0, 0); // asleep: kept as 900 and 1050
        }
        s.add(1100 * MS, 50 * MS, 0);
        s.add(1150 * MS, 100 * MS, 0);
        assertEquals(new ThreadSeries.Times(100 * MS, 0), s.between(1020 * MS, 1150 * MS));
    }

    /** Two samples inside a millisecond apart (a running thread's CPU time moves at ticks): no rate from them. */
    @Test
    void samplesTooCloseForARateAreInterpolatedInstead() {
        ThreadSeries s = new ThreadSeries();
        s.add(1000 * MS, 0, 0);
        s.add(1050 * MS, 50 * MS, 0);
        s.add(1051 * MS, 50 * MS, 0); // not moved yet
        s.add(1100 * MS, 100 * MS, 0);
        assertEquals(s.at(1060 * MS).minus(s.at(1030 * MS)), s.between(1030 * MS, 1060 * MS));
        assertEquals(29_183_673, s.between(1030 * MS, 1060 * MS).cpuNs());
    }

    @Test
    void holdsFlatBeforeTheFirstAndAfterTheLastSample() {
        ThreadSeries s = series();
        assertEquals(new ThreadSeries.Times(0, 0), s.at(900 * MS));
        assertEquals(new ThreadSeries.Times(10 * MS, 10 * MS), s.at(5000 * MS));
        assertEquals(new ThreadSeries.Times(10 * MS, 10 * MS), s.between(995 * MS, 2000 * MS), "a window around the whole life");
        assertEquals(new ThreadSeries.Times(0, 0), s.between(1040 * MS, 1050 * MS), "after the thread ended");
    }

    @Test
    void keepsARunOfEqualSamplesAsItsEnds() {
        ThreadSeries s = series();
        for (int i = 4; i < 1000; i++) {
            s.add((1000 + 10 * i) * MS, 10 * MS, 10 * MS);
        }
        s.add(11_000 * MS, 20 * MS, 10 * MS);
        assertEquals(new ThreadSeries.Times(10 * MS, 10 * MS), s.at(10_000 * MS), "still asleep");
        assertEquals(new ThreadSeries.Times(15 * MS, 10 * MS), s.at(10_995 * MS), "ran 10 ms in the last 10 ms");
        assertEquals(1020 * MS, s.firstNs() + 20 * MS);
        assertEquals(11_000 * MS, s.lastNs());
    }

    @Test
    void refusesSamplesOutOfOrder() {
        ThreadSeries s = series();
        assertThrows(IllegalArgumentException.class, () -> s.add(1029 * MS, 10 * MS, 10 * MS));
    }
}
