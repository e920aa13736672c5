package io.parbench.kernels;

import java.util.List;

/**
 * What a kernel's pool did in one window of its accounting (a timed block), as its pool keeps it;
 * the harness files it as a block's {@code PoolAccounting} (harness/RESULTS.md, "Accounting").
 *
 * @param source who kept it: {@value #PB_POOL} or {@value #FORKJOIN}
 * @param windowNs the window's wall time, by the pool's clock
 * @param regions outermost parallel regions entered, null when the source does not count them
 * @param workers the workers taking part, worker 0 first
 */
public record PoolAccount(String source, long windowNs, Long regions, List<Worker> workers) {
    /** parbench's C pool (pb_pool_stats_read). */
    public static final String PB_POOL = "pb_pool";
    /** The JVM's ForkJoinPool: its steal count and its threads' CPU time. */
    public static final String FORKJOIN = "forkjoin";

    public PoolAccount {
        workers = List.copyOf(workers);
    }

    /** One worker's times and counts in the window; a field its source does not keep is null. */
    public record Worker(Long busyNs, Long searchingNs, Long asleepNs, Long parkedNs, Long steals, Long failedSteals,
            Long sleeps, Long wakeups, Long wakeLatencyNs) {}
}
