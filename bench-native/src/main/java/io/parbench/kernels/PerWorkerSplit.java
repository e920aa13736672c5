package io.parbench.kernels;

import java.util.concurrent.RecursiveAction;

/**
 * Splits work into exactly one leaf per worker, recursively by halves, and combines the leaves'
 * results pairwise on the way back up: leaf k covers {@code [k*n/W, (k+1)*n/W)} of n items.
 */
final class PerWorkerSplit extends RecursiveAction {
    /** Computes leaf {@code k}'s part into slot {@code k}. */
    @FunctionalInterface
    interface Leaf {
        void run(int k);
    }

    /** Folds slot {@code from} into slot {@code into} (into &lt; from, both already computed). */
    @FunctionalInterface
    interface Combine {
        void run(int into, int from);
    }

    private final int first;
    private final int end;
    private final Leaf leaf;
    private final Combine combine;

    /** The task over all leaves 0..workers-1. */
    PerWorkerSplit(int workers, Leaf leaf, Combine combine) {
        this(0, workers, leaf, combine);
    }

    private PerWorkerSplit(int first, int end, Leaf leaf, Combine combine) {
        this.first = first;
        this.end = end;
        this.leaf = leaf;
        this.combine = combine;
    }

    /** The first item of leaf {@code k} of {@code parts}: floor(k*n/parts), without overflowing. */
    static long leafStart(int k, long n, int parts) {
        return k * (n / parts) + (k * (n % parts)) / parts;
    }

    @Override
    protected void compute() {
        if (end - first == 1) {
            leaf.run(first);
            return;
        }
        int mid = first + (end - first) / 2;
        invokeAll(new PerWorkerSplit(first, mid, leaf, combine), new PerWorkerSplit(mid, end, leaf, combine));
        combine.run(first, mid);
    }
}
