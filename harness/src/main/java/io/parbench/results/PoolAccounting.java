package io.parbench.results;

import java.util.ArrayList;
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
     * Two windows of the same pool added, worker by worker (a worker only one of them has counts as
     * it is); a field either lacks is null.
     */
    public PoolAccounting plus(PoolAccounting other) {
        if (!source.equals(other.source)) {
            throw new IllegalArgumentException("cannot add the accounting of " + source + " to that of " + other.source);
        }
        List<WorkerTimes> sum = new ArrayList<>();
        for (int w = 0; w < Math.max(workers.size(), other.workers.size()); w++) {
            sum.add(w >= workers.size() ? other.workers.get(w)
                    : w >= other.workers.size() ? workers.get(w) : workers.get(w).plus(other.workers.get(w)));
        }
        return new PoolAccounting(source, sum, add(regions, other.regions));
    }

    private static Long add(Long a, Long b) {
        return a == null || b == null ? null : a + b;
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
     * @param wakeLatencyNs summed over the wake-ups: from the first notify after it fell asleep to this
     *     worker running
     */
    public record WorkerTimes(Long busyNs, Long searchingNs, Long asleepNs, Long parkedNs, Long steals, Long failedSteals,
            Long sleeps, Long wakeups, Long wakeLatencyNs) {

        /** Only a busy time, as a source that keeps nothing else reports it. */
        public static WorkerTimes busy(long busyNs) {
            return new WorkerTimes(busyNs, null, null, null, null, null, null, null, null);
        }

        WorkerTimes plus(WorkerTimes o) {
            return new WorkerTimes(add(busyNs, o.busyNs), add(searchingNs, o.searchingNs), add(asleepNs, o.asleepNs),
                    add(parkedNs, o.parkedNs), add(steals, o.steals), add(failedSteals, o.failedSteals), add(sleeps, o.sleeps),
                    add(wakeups, o.wakeups), add(wakeLatencyNs, o.wakeLatencyNs));
        }
    }
}
