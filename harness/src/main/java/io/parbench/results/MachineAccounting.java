package io.parbench.results;

import java.util.List;

/**
 * What the machine gave a fork's worker threads during its timed blocks of one configuration,
 * from Linux's per-thread scheduler statistics ({@code /proc/<pid>/task/<tid>/schedstat}).
 *
 * @param threads the worker threads found (JMH fork, the native pool's, the browser's workers)
 * @param otherProcesses what processes outside the fork's own used of the machine's CPUs meanwhile;
 *     null where not measured (documents written before it was, a system without /proc/stat)
 * @param unavailable why there are none, e.g. a remote browser, whose machine parbench cannot see;
 *     null when {@code threads} holds them
 */
public record MachineAccounting(List<ThreadTimes> threads, OtherProcesses otherProcesses, String unavailable) {

    public MachineAccounting {
        threads = threads == null ? List.of() : List.copyOf(threads);
    }

    /** Without the other processes' figure. */
    public MachineAccounting(List<ThreadTimes> threads, String unavailable) {
        this(threads, null, unavailable);
    }

    /**
     * The share of the machine's CPUs that processes outside the fork's own (its JMH fork or its
     * browser's processes) used over the given blocks: Σ their CPU time / Σ CPUs × wall time. What
     * tells who took the CPUs a fork's workers waited for: other work on the machine (this share
     * high), or the fork's own threads beside its workers (this share low).
     *
     * @return null when unknown: no blocks, or a block without the figure
     */
    public static Double otherProcessesShare(List<MachineAccounting> blocks) {
        if (blocks.isEmpty() || blocks.stream().anyMatch(b -> b == null || b.otherProcesses() == null)) {
            return null;
        }
        OtherProcesses all = blocks.stream().map(MachineAccounting::otherProcesses).reduce(OtherProcesses::plus).orElseThrow();
        return all.capacityNs() > 0 ? (double) all.cpuNs() / all.capacityNs() : null;
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
     * What processes other than the fork's used of the machine's CPUs during the blocks: the
     * machine's busy time (/proc/stat, steal included) less the CPU time of the fork's processes.
     * parbench's own harness is among the others.
     *
     * @param cpuNs their CPU time, all CPUs together
     * @param capacityNs what the machine's CPUs could give meanwhile: online CPUs × wall time
     */
    public record OtherProcesses(long cpuNs, long capacityNs) {
        public OtherProcesses plus(OtherProcesses other) {
            return new OtherProcesses(cpuNs + other.cpuNs, capacityNs + other.capacityNs);
        }
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
