package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * sum: the fixed-shape reduction tree of KERNELS.md. Halves are forked while they are larger
 * than {@link #PARALLEL_GRAIN}; below it the same tree is evaluated sequentially, so the result
 * is bit-identical for every worker count.
 */
final class SumKernel extends PooledKernel {
    static final int LEAF = 4096;
    private static final int PARALLEL_GRAIN = 8 * LEAF;

    private final double[] x;
    private Reduce lastStep;

    SumKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.SUM, pool);
        this.x = KernelInputs.sum(size, seed);
    }

    /** {@code reduce(lo, hi)} of KERNELS.md on one thread. */
    static double reduce(double[] x, int lo, int hi) {
        if (hi - lo <= LEAF) {
            double s = 0.0;
            for (int i = lo; i < hi; i++) {
                s = s + x[i];
            }
            return s;
        }
        int mid = lo + (hi - lo) / 2;
        return reduce(x, lo, mid) + reduce(x, mid, hi);
    }

    @Override
    ForkJoinTask<?> newStep() {
        lastStep = new Reduce(x, 0, x.length);
        return lastStep;
    }

    @Override
    long outputChecksum() {
        return Double.doubleToRawLongBits(lastStep.value);
    }

    private static final class Reduce extends RecursiveAction {
        private final double[] x;
        private final int lo;
        private final int hi;
        double value;

        Reduce(double[] x, int lo, int hi) {
            this.x = x;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo <= PARALLEL_GRAIN) {
                value = reduce(x, lo, hi);
                return;
            }
            int mid = lo + (hi - lo) / 2;
            Reduce left = new Reduce(x, lo, mid);
            Reduce right = new Reduce(x, mid, hi);
            invokeAll(left, right);
            value = left.value + right.value;
        }
    }
}
