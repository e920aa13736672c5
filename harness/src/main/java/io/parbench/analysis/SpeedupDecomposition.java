package io.parbench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the speedup at W went, against the same series' W = 1 (RESULTS.md, "The decomposition").
 * Every part is in speedup units, so that W − S = the sum of the parts: what each cost the speedup
 * (negative: what it gained). A part the accounting cannot tell is null and its share is in
 * {@link #notAttributed}.
 *
 * @param workers W
 * @param source who kept the pool's accounting ({@code pb_pool}, {@code forkjoin}, {@code adapter}),
 *     null when only the machine's was taken
 * @param forks the forks it rests on: paired forks, or the fewer of the two worker counts' forks
 * @param paired W and W = 1 measured in the same forks, each fork decomposed on its own and the parts
 *     averaged (means add up; medians would not); else each worker count's forks summed
 * @param accountedSpeedup t(1) / t(W), each the wall time per step of the accounted blocks
 * @param machine the worker threads' run-queue wait per step at W over that at 1: a busy machine
 * @param idleWorkers workers asleep, waiting for work (serial parts, imbalance), less their wake-up latency
 * @param runtime workers searching for work (steal passes, spinning) and waking up
 * @param slowerWork busy time per step at W (less the run-queue wait in it) over that at 1: memory
 *     bandwidth, caches, frequency; negative when the work got faster (superlinear)
 * @param workAndRuntime busy time per step at W over that at 1 where the source's busy time holds
 *     the runtime's too (forkjoin: a worker's CPU time, spinning included), null elsewhere
 * @param notAttributed the rest of W − S that the source's fields do not split (0 when they split all of it)
 * @param measuredSpeedup S from the samples ({@link ScalingPoint#speedup}), null without one
 * @param residual the measured S less W − Σ parts: how far the accounting is from the samples; null without a measured S
 */
public record SpeedupDecomposition(
        int workers,
        String source,
        int forks,
        boolean paired,
        double accountedSpeedup,
        Double machine,
        Double idleWorkers,
        Double runtime,
        Double slowerWork,
        Double workAndRuntime,
        double notAttributed,
        Double measuredSpeedup,
        Double residual) {

    /** The accounting adds up when it is within this share of W of the speedup the samples measured. */
    public static final double ADDS_UP = 0.05;

    /** The parts, in the order the report stacks them. */
    public enum Part { MACHINE, IDLE_WORKERS, RUNTIME, SLOWER_WORK, WORK_AND_RUNTIME, NOT_ATTRIBUTED }

    /** One part with its value in speedup units. */
    public record Share(Part part, double value) {}

    /** The parts the accounting gave (not-attributed only when it is not 0), in {@link Part} order. */
    public List<Share> shares() {
        List<Share> shares = new ArrayList<>();
        add(shares, Part.MACHINE, machine);
        add(shares, Part.IDLE_WORKERS, idleWorkers);
        add(shares, Part.RUNTIME, runtime);
        add(shares, Part.SLOWER_WORK, slowerWork);
        add(shares, Part.WORK_AND_RUNTIME, workAndRuntime);
        if (notAttributed != 0) {
            shares.add(new Share(Part.NOT_ATTRIBUTED, notAttributed));
        }
        return shares;
    }

    /** The part that cost the most speedup, if any cost some. */
    public Optional<Share> dominantLoss() {
        return shares().stream().filter(s -> s.value() > 0).max(Comparator.comparingDouble(Share::value));
    }

    /** The speedup gained by work that got faster at W (busy time per step below W = 1's), 0 when none. */
    public double superlinearGain() {
        return slowerWork != null && slowerWork < 0 ? -slowerWork : 0;
    }

    /** Whether W − Σ parts is within {@link #ADDS_UP} of W of the measured speedup (true without one to compare). */
    public boolean addsUp() {
        return residual == null || Math.abs(residual) <= ADDS_UP * workers;
    }

    private static void add(List<Share> shares, Part part, Double value) {
        if (value != null) {
            shares.add(new Share(part, value));
        }
    }
}
