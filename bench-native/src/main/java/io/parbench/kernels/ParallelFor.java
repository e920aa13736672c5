package io.parbench.kernels;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * A parallel loop over [lo, hi) by recursive halving down to a grain, the way the C runtime's
 * pb_parallel_for splits: each half is a task that idle workers can steal.
 */
final class ParallelFor extends RecursiveAction {
    /** The work of one leaf, over the index range [lo, hi). */
    @FunctionalInterface
    interface RangeBody {
        void run(int lo, int hi);
    }

    private final RangeBody body;
    private final int lo;
    private final int hi;
    private final int grain;

    /** The loop as one task; like the C runtime, one worker runs the whole range without splitting. */
    static ForkJoinTask<?> task(int workers, int lo, int hi, int grain, RangeBody body) {
        return workers == 1 ? ForkJoinTask.adapt(() -> body.run(lo, hi)) : new ParallelFor(lo, hi, grain, body);
    }

    private ParallelFor(int lo, int hi, int grain, RangeBody body) {
        this.body = body;
        this.lo = lo;
        this.hi = hi;
        this.grain = grain;
    }

    @Override
    protected void compute() {
        if (hi - lo <= grain) {
            body.run(lo, hi);
            return;
        }
        int mid = lo + (hi - lo) / 2;
        invokeAll(new ParallelFor(lo, mid, grain, body), new ParallelFor(mid, hi, grain, body));
    }
}
