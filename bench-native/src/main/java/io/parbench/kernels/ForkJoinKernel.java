package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * forkjoin: what a parallel region costs. A fixed amount of light work, {@code mix64(i)} summed
 * over [0, n), is split recursively into exactly W leaves, leaf k covering
 * {@code [k*n/W, (k+1)*n/W)}; the leaf sums (wrapping u64) are added on the way back up.
 */
final class ForkJoinKernel extends PooledKernel {
    private final long n;
    private Leaves lastStep;

    /** No input: the seed changes nothing (KERNELS.md). */
    ForkJoinKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.FORKJOIN, pool);
        this.n = size;
    }

    /** No arrays at all. */
    static KernelSizes.Footprint footprint(long size) {
        return new KernelSizes.Footprint(0, 0);
    }

    /** The first index of leaf {@code k} of {@code leaves}: floor(k*n/leaves), without overflowing. */
    static long leafStart(long n, int leaves, int k) {
        return k * (n / leaves) + (k * (n % leaves)) / leaves;
    }

    @Override
    ForkJoinTask<?> newStep() {
        lastStep = new Leaves(n, workers(), 0, workers());
        return lastStep;
    }

    @Override
    long outputChecksum() {
        return lastStep.sum;
    }

    /** Leaves [first, last) of the W leaves. */
    private static final class Leaves extends RecursiveAction {
        private final long n;
        private final int workers;
        private final int first;
        private final int last;
        long sum;

        Leaves(long n, int workers, int first, int last) {
            this.n = n;
            this.workers = workers;
            this.first = first;
            this.last = last;
        }

        @Override
        protected void compute() {
            if (last - first == 1) {
                long end = leafStart(n, workers, last);
                for (long i = leafStart(n, workers, first); i < end; i++) {
                    sum += SplitMix64.mix64(i);
                }
                return;
            }
            int mid = first + (last - first) / 2;
            Leaves left = new Leaves(n, workers, first, mid);
            Leaves right = new Leaves(n, workers, mid, last);
            invokeAll(left, right);
            sum = left.sum + right.sum;
        }
    }
}
