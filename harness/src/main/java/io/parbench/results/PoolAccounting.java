package io.parbench.results;

import java.util.List;

/**
 * What a pool's workers did in a fork's timed blocks of one configuration, summed over the blocks.
 *
 * @param source who kept it: {@code pb_pool} (parbench's C pool, native and wasm), {@code forkjoin}
 *     (the JVM's ForkJoinPool counters and per-thread CPU time) or {@code adapter} (a byo adapter's
 *     {@code stats()})
 * @param workers worker 0 (the thread that steps) first, then the helpers; only those taking part
 * @param regions outermost parallel regions entered, null when the source does not count them
 */
public record PoolAccounting(String source, List<WorkerTimes> workers, Long regions) {

    public PoolAccounting {
        workers = workers == null ? List.of() : List.copyOf(workers);
    }

    /**
     * One worker's sums. A field its source does not keep is null. For {@code pb_pool} the four
     * times add up to the blocks' wall time.
     *
     * @param busyNs running tasks (worker 0: whenever not searching, asleep or parked)
     * @param searchingNs looking for work: steal passes, spinning, yielding
     * @param asleepNs asleep, waiting for work
     * @param parkedNs left out of the steps (a pool larger than the worker count)
     * @param steals jobs taken from other workers
     * @param failedSteals passes over the other workers' deques that found nothing
     * @param sleeps times fallen asleep
     * @param wakeups sleeps ended by a wake-up
     * @param wakeLatencyNs summed over the wake-ups: from the notify to this worker running
     */
    public record WorkerTimes(Long busyNs, Long searchingNs, Long asleepNs, Long parkedNs, Long steals, Long failedSteals,
            Long sleeps, Long wakeups, Long wakeLatencyNs) {}
}
