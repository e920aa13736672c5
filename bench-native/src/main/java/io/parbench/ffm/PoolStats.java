package io.parbench.ffm;

import java.util.ArrayList;
import java.util.List;

/**
 * What a pool's workers did in a window of its accounting (parbench.h, "Accounting";
 * bench-wasm/src/main/c/README.md): per worker, where its time went and what happened in its idle
 * life. Every worker's four times add up to the window.
 *
 * @param windowNs from pb_pool_stats_reset to pb_pool_stats_read
 * @param active the workers taking part in steps when read (the others are parked)
 * @param workers worker 0 (the thread that steps) first, then helpers 1..W-1
 */
public record PoolStats(long windowNs, int active, List<Worker> workers) {
    /** PB_STATS_HEADER: record length, W, active, window. */
    private static final int HEADER = 4;

    /**
     * One worker's record.
     *
     * @param busyNs running tasks (worker 0: whenever not searching, asleep or parked, so also between steps)
     * @param searchingNs looking for work: steal passes, spinning, yielding
     * @param asleepNs asleep, waiting for work
     * @param parkedNs left out of the steps by {@link NativeBench#useWorkers(int)}
     * @param steals jobs taken from other workers
     * @param failedSteals passes over the other workers' deques that found nothing
     * @param sleeps times fallen asleep
     * @param wakeups sleeps ended by a wake-up
     * @param wakeLatencyNs summed over the wake-ups: from the first notify after it fell asleep to this
     *     worker running
     * @param regions outermost parallel regions entered (worker 0)
     */
    public record Worker(long busyNs, long searchingNs, long asleepNs, long parkedNs, long steals, long failedSteals,
            long sleeps, long wakeups, long wakeLatencyNs, long regions) {}

    public PoolStats {
        workers = List.copyOf(workers);
    }

    /** From pb_pool_stats_read's values; its record length comes first, so fields added later are skipped. */
    static PoolStats of(long[] values) {
        int recordLength = (int) values[0];
        int count = (int) values[1];
        List<Worker> workers = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            int at = HEADER + w * recordLength;
            workers.add(new Worker(values[at], values[at + 1], values[at + 2], values[at + 3], values[at + 4],
                    values[at + 5], values[at + 6], values[at + 7], values[at + 8], values[at + 9]));
        }
        return new PoolStats(values[3], (int) values[2], workers);
    }
}
