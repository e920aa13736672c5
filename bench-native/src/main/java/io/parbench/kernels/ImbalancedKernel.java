package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;

/**
 * imbalanced, a calibration kernel split unevenly on purpose (KERNELS.md): forkjoin's work in
 * exactly W leaves, but leaf 0 (the stepping worker's: a join's first task stays with the worker
 * that splits) is twice each other leaf, so the helpers wait at the join: S(W) = (W + 1) / 2.
 */
final class ImbalancedKernel extends ForkJoinKernel {
    /** Leaf 0 holds shares 0 and 1 of W + 1 equal shares; leaf k >= 1 holds share k + 1. */
    static final MixLeaves.LeafStart DOUBLE_FIRST = (n, leaves, k) -> k == 0 ? 0 : MixLeaves.EVEN.of(n, leaves + 1, k + 1);

    /** No input: the seed changes nothing (KERNELS.md). */
    ImbalancedKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.IMBALANCED, size, pool, DOUBLE_FIRST);
    }
}
