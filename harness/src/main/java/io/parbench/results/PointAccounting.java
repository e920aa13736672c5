package io.parbench.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the time went in the timed blocks one fork's value of one configuration comes from (its
 * median's: io.parbench.change.ForkValues#accounting; RESULTS.md, "Accounting"): what the pool's
 * workers did, by the pool's own clock, and what the machine gave their threads,
 * by Linux's scheduler statistics. The raw sums; the decomposition of the speedup is derived from
 * them (io.parbench.analysis).
 *
 * @param blocks the timed blocks summed
 * @param wallNs their wall time
 * @param steps the steps they ran
 * @param pool the pool's accounting, null when the engine keeps none
 * @param machine the worker threads' CPU time and run-queue wait, null when not taken
 */
public record PointAccounting(int blocks, long wallNs, long steps, PoolAccounting pool, MachineAccounting machine) {

    /** The same with {@code given} as its machine part. */
    public PointAccounting withMachine(MachineAccounting given) {
        return new PointAccounting(blocks, wallNs, steps, pool, given);
    }

    /**
     * The sum of blocks' accountings (the blocks of one worker count a fork's value comes from); null
     * when there are none, or when one of them has none (a sum over some of them is not the fork's). A part
     * (pool, machine) is summed only if every block has it.
     */
    public static PointAccounting sum(List<PointAccounting> parts) {
        if (parts.isEmpty() || parts.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        int blocks = 0;
        long wallNs = 0;
        long steps = 0;
        for (PointAccounting part : parts) {
            blocks += part.blocks;
            wallNs += part.wallNs;
            steps += part.steps;
        }
        List<PoolAccounting> pools = parts.stream().map(PointAccounting::pool).toList();
        List<MachineAccounting> machines = parts.stream().map(PointAccounting::machine).toList();
        return new PointAccounting(blocks, wallNs, steps,
                pools.contains(null) ? null : pools.stream().reduce(PoolAccounting::plus).orElseThrow(),
                machines.contains(null) ? null : machines.stream().reduce(PointAccounting::plus).orElseThrow());
    }

    /** Threads summed by name (the same worker threads in each block); why one lacks them, if one does. */
    private static MachineAccounting plus(MachineAccounting a, MachineAccounting b) {
        if (a.unavailable() != null || b.unavailable() != null) {
            return new MachineAccounting(List.of(), a.unavailable() != null ? a.unavailable() : b.unavailable());
        }
        Map<String, MachineAccounting.ThreadTimes> byName = new LinkedHashMap<>();
        for (MachineAccounting.ThreadTimes t : concat(a.threads(), b.threads())) {
            byName.merge(t.name(), t, (x, y) -> new MachineAccounting.ThreadTimes(x.name(), x.cpuNs() + y.cpuNs(),
                    x.runQueueNs() + y.runQueueNs()));
        }
        MachineAccounting.OtherProcesses others = a.otherProcesses() == null || b.otherProcesses() == null ? null
                : a.otherProcesses().plus(b.otherProcesses());
        return new MachineAccounting(List.copyOf(byName.values()), others, null);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
