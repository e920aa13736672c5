package io.parbench.results;

import java.util.List;

/**
 * What the machine gave a fork's worker threads during its timed blocks of one configuration,
 * from Linux's per-thread scheduler statistics ({@code /proc/<pid>/task/<tid>/schedstat}).
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
     * The share of the worker threads' runnable time that they waited for a CPU over the given
     * blocks: Σ run-queue wait / Σ (CPU time + run-queue wait), over every thread of every block.
     *
     * <p>Against the time the threads wanted a CPU, not threads × wall time: a worker asleep or
     * parked (waiting for work, a serial phase) neither dilutes nor adds to the figure, so a
     * kernel whose worker 0 carries a serial part shows the wait of that worker, which is what
     * slowed the fork, instead of a share divided by W. Busy-waiting counts as wanting a CPU.
     *
     * @return null when unknown: no blocks, a block without the machine's figures (none taken,
     *     or {@code unavailable}), or threads that neither ran nor waited
     */
    public static Double runQueueShare(List<MachineAccounting> blocks) {
        if (blocks.isEmpty() || blocks.stream().anyMatch(b -> b == null || b.unavailable() != null)) {
            return null;
        }
        long waited = 0;
        long wanted = 0;
        for (MachineAccounting block : blocks) {
            for (ThreadTimes t : block.threads()) {
                waited += t.runQueueNs();
                wanted += t.cpuNs() + t.runQueueNs();
            }
        }
        return wanted > 0 ? (double) waited / wanted : null;
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
