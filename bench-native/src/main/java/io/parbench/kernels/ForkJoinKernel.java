package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * forkjoin: what a parallel region costs. A fixed amount of light work, {@code mix64(i)} summed
 * over [0, n), is split recursively into exactly W leaves, leaf k covering
 * {@code [k*n/W, (k+1)*n/W)}; the leaf sums (wrapping u64) are added on the way back up.
 * The calibration kernel imbalanced is the same with leaves of other sizes.
 */
class ForkJoinKernel extends PooledKernel {
    private final long n;
    private final MixLeaves.LeafStart leaves;
    private MixLeaves lastStep;

    /** No input: the seed changes nothing (KERNELS.md). */
    ForkJoinKernel(long size, long seed, ForkJoinPool pool) {
        this(KernelSpec.FORKJOIN, size, pool, MixLeaves.EVEN);
    }

    /** {@code kernel}'s W leaves, leaf k starting at {@code leaves.of(n, W, k)}. */
    ForkJoinKernel(KernelSpec kernel, long size, ForkJoinPool pool, MixLeaves.LeafStart leaves) {
        super(kernel, pool);
        this.n = size;
        this.leaves = leaves;
    }

    /** No arrays at all. */
    static KernelSizes.Footprint footprint(long size) {
        return new KernelSizes.Footprint(0, 0);
    }

    @Override
    final ForkJoinTask<?> newStep() {
        lastStep = new MixLeaves(0, n, workers(), leaves);
        return lastStep;
    }

    @Override
    final long outputChecksum() {
        return lastStep.sum;
    }
}
