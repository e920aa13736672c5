package io.parbench.machine;

import java.util.Arrays;

/**
 * One thread's cumulative scheduler times, sampled at instants (epoch ns), read at any instant by
 * linear interpolation between the samples around it, and over a window mostly from the samples
 * inside it ({@link #between}). Before the first sample a thread had what
 * that sample says (the sampler puts a zero sample at a thread's birth where it knows it); after
 * the last, nothing more (the thread ended, or sampling did). A run of equal samples is kept as
 * its first and last, so a sleeping thread costs no memory.
 */
final class ThreadSeries {

    /** The thread's times at one instant. */
    record Times(long cpuNs, long runQueueNs) {
        Times minus(Times earlier) {
            return new Times(cpuNs - earlier.cpuNs, runQueueNs - earlier.runQueueNs);
        }
    }

    /**
     * The least span of samples a rate is taken from: Linux moves a running thread's CPU time in
     * schedstat at scheduler ticks (1-10 ms), so two samples a millisecond apart can read the same.
     */
    static final long RATE_SPAN_NS = 25_000_000;

    private long[] at = new long[16];
    private long[] cpu = new long[16];
    private long[] waited = new long[16];
    private int size;

    /** Adds a sample taken after every one before it. */
    void add(long epochNs, long cpuNs, long runQueueNs) {
        if (size > 0 && epochNs < at[size - 1]) {
            throw new IllegalArgumentException("sample at " + epochNs + " ns is older than the last one, at " + at[size - 1] + " ns");
        }
        if (size >= 2 && sameTimes(size - 1, cpuNs, runQueueNs) && sameTimes(size - 2, cpuNs, runQueueNs)) {
            at[size - 1] = epochNs; // the flat run now ends here
            return;
        }
        if (size == at.length) {
            at = Arrays.copyOf(at, size * 2);
            cpu = Arrays.copyOf(cpu, size * 2);
            waited = Arrays.copyOf(waited, size * 2);
        }
        at[size] = epochNs;
        cpu[size] = cpuNs;
        waited[size] = runQueueNs;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** When the first sample was taken (the thread's birth, where known). */
    long firstNs() {
        return at[0];
    }

    /** When the thread was last seen. */
    long lastNs() {
        return at[size - 1];
    }

    /** The last sample's times. */
    Times last() {
        return new Times(cpu[size - 1], waited[size - 1]);
    }

    /** The times at an instant: interpolated between the samples around it, held flat outside them. */
    Times at(long epochNs) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        if (epochNs <= at[0]) {
            return new Times(cpu[0], waited[0]);
        }
        if (epochNs >= at[size - 1]) {
            return last();
        }
        int found = Arrays.binarySearch(at, 0, size, epochNs);
        if (found >= 0) {
            return new Times(cpu[found], waited[found]);
        }
        int after = -found - 1;
        int before = after - 1;
        double share = (double) (epochNs - at[before]) / (at[after] - at[before]);
        return new Times(between(cpu[before], cpu[after], share), between(waited[before], waited[after], share));
    }

    /**
     * What the thread got from {@code startNs} to {@code endNs}. The samples inside the window
     * measure most of it exactly; each edge (from the window's start to the first sample inside,
     * and from the last one to its end) is charged at the rate inside, but never more than the
     * poll around that edge gained in all. Interpolating an edge within its poll would charge it a
     * share of what the thread did beside the window, at the other rate of the block next to it:
     * the W = 1 blocks of a curve page picked up the run-queue wait of their W = 2 and W = 4
     * neighbours (2-4% of their wall time against 0.2-0.6% in pages of W = 1 only). Where the
     * samples inside span less than {@link #RATE_SPAN_NS}, the window is interpolated.
     */
    Times between(long startNs, long endNs) {
        int first = firstAtOrAfter(startNs);
        int last = lastAtOrBefore(endNs);
        if (last < first || at[last] - at[first] < RATE_SPAN_NS) {
            return at(endNs).minus(at(startNs));
        }
        return new Times(inWindow(cpu, first, last, startNs, endNs), inWindow(waited, first, last, startNs, endNs));
    }

    /** One of the times in a window whose samples inside are first..last (see {@link #between}). */
    private long inWindow(long[] times, int first, int last, long startNs, long endNs) {
        double rate = (double) (times[last] - times[first]) / (at[last] - at[first]);
        long before = first == 0 ? 0 : Math.min(Math.round(rate * (at[first] - startNs)), times[first] - times[first - 1]);
        long after = last == size - 1 ? 0 : Math.min(Math.round(rate * (endNs - at[last])), times[last + 1] - times[last]);
        return before + times[last] - times[first] + after;
    }

    /** The index of the first sample at or after {@code epochNs} ({@code size} if none). */
    private int firstAtOrAfter(long epochNs) {
        int found = Arrays.binarySearch(at, 0, size, epochNs);
        if (found < 0) {
            return -found - 1;
        }
        while (found > 0 && at[found - 1] == epochNs) {
            found--;
        }
        return found;
    }

    /** The index of the last sample at or before {@code epochNs} (-1 if none). */
    private int lastAtOrBefore(long epochNs) {
        int found = Arrays.binarySearch(at, 0, size, epochNs);
        if (found < 0) {
            return -found - 2;
        }
        while (found < size - 1 && at[found + 1] == epochNs) {
            found++;
        }
        return found;
    }

    private boolean sameTimes(int index, long cpuNs, long runQueueNs) {
        return cpu[index] == cpuNs && waited[index] == runQueueNs;
    }

    private static long between(long from, long to, double share) {
        return from + Math.round((to - from) * share);
    }
}
