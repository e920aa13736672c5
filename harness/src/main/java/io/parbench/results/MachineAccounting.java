package io.parbench.results;

import java.util.List;

/**
 * What the machine gave a fork's worker threads during its accounted blocks of one configuration
 * (see {@link PointAccounting}), from Linux's per-thread scheduler statistics ({@code /proc/<pid>/task/<tid>/schedstat}).
 *
 * @param threads the worker threads found (JMH fork, the native pool's, the browser's workers)
 * @param unavailable why there are none, e.g. a remote browser, whose machine parbench cannot see;
 *     null when {@code threads} holds them
 */
public record MachineAccounting(List<ThreadTimes> threads, String unavailable) {

    public MachineAccounting {
        threads = threads == null ? List.of() : List.copyOf(threads);
    }

    /**
     * One thread during the blocks.
     *
     * @param name its name (e.g. {@code pb-worker-1}, {@code DedicatedWorker thread})
     * @param cpuNs time it ran on a CPU
     * @param runQueueNs time it was runnable but waited for a CPU
     */
    public record ThreadTimes(String name, long cpuNs, long runQueueNs) {}
}
