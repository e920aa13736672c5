package io.parbench.kernels;

import java.util.concurrent.RecursiveAction;

/**
 * The light work of forkjoin and of the calibration kernels (serial, imbalanced), as the C
 * kernels' mix_leaves.h: mix64(i) summed as wrapping u64 over a range of indices, split into
 * leaves by recursive joins. Where each leaf starts is the kernel's {@link LeafStart}.
 */
final class MixLeaves extends RecursiveAction {
    /** Where leaf k of {@code leaves} starts within [0, n): start(n, leaves, 0) = 0, start(n, leaves, leaves) = n. */
    @FunctionalInterface
    interface LeafStart {
        long of(long n, int leaves, int k);
    }

    /** Equal leaves: floor(k*n/leaves), without overflowing. */
    static final LeafStart EVEN = (n, leaves, k) -> k * (n / leaves) + (k * (n % leaves)) / leaves;

    private final long offset;
    private final long n;
    private final int leaves;
    private final int first;
    private final int last;
    private final LeafStart start;
    /** After the task: the sum over its leaves. */
    long sum;

    /** All {@code leaves} leaves over [offset, offset + n). */
    MixLeaves(long offset, long n, int leaves, LeafStart start) {
        this(offset, n, leaves, 0, leaves, start);
    }

    private MixLeaves(long offset, long n, int leaves, int first, int last, LeafStart start) {
        this.offset = offset;
        this.n = n;
        this.leaves = leaves;
        this.first = first;
        this.last = last;
        this.start = start;
    }

    /** The sum of mix64(i) over [lo, hi). */
    static long sum(long lo, long hi) {
        long sum = 0;
        for (long i = lo; i < hi; i++) {
            sum += SplitMix64.mix64(i);
        }
        return sum;
    }

    @Override
    protected void compute() {
        if (last - first == 1) {
            sum = sum(offset + start.of(n, leaves, first), offset + start.of(n, leaves, last));
            return;
        }
        int mid = first + (last - first) / 2;
        MixLeaves left = new MixLeaves(offset, n, leaves, first, mid, start);
        MixLeaves right = new MixLeaves(offset, n, leaves, mid, last, start);
        invokeAll(left, right);
        sum = left.sum + right.sum;
    }
}
