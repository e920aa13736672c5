package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * sort: a stable merge sort built on fork-join. The halves are sorted in parallel into the
 * other buffer and merged back in parallel (split the larger run at its middle, binary-search
 * the other); below the grains it recurses sequentially, with insertion sort for short runs.
 */
final class MergeSortKernel extends PooledKernel {
    private static final int INSERTION_MAX = 32;
    private static final int SORT_GRAIN = 1 << 13;
    private static final int MERGE_GRAIN = 1 << 13;

    private final long[] input;
    private final long[] work;
    private final long[] scratch;

    MergeSortKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.SORT, pool);
        this.input = KernelInputs.sortKeys(size, seed);
        this.work = new long[input.length];
        this.scratch = new long[input.length];
    }

    @Override
    ForkJoinTask<?> newStep() {
        return ForkJoinTask.adapt(() -> {
            System.arraycopy(input, 0, work, 0, input.length);
            new Sort(work, scratch, 0, work.length, false).invoke();
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(work);
    }

    /** Sorts a[lo, hi) into a (toB false) or into b (toB true); the other array is scratch. */
    private static final class Sort extends RecursiveAction {
        private final long[] a;
        private final long[] b;
        private final int lo;
        private final int hi;
        private final boolean toB;

        Sort(long[] a, long[] b, int lo, int hi, boolean toB) {
            this.a = a;
            this.b = b;
            this.lo = lo;
            this.hi = hi;
            this.toB = toB;
        }

        @Override
        protected void compute() {
            if (hi - lo <= SORT_GRAIN) {
                sortSequential(a, b, lo, hi, toB);
                return;
            }
            int mid = lo + (hi - lo) / 2;
            invokeAll(new Sort(a, b, lo, mid, !toB), new Sort(a, b, mid, hi, !toB));
            long[] from = toB ? a : b;
            new Merge(from, lo, mid, mid, hi, toB ? b : a, lo).invoke();
        }
    }

    private static void sortSequential(long[] a, long[] b, int lo, int hi, boolean toB) {
        if (hi - lo <= INSERTION_MAX) {
            insertionSort(a, lo, hi);
            if (toB) {
                System.arraycopy(a, lo, b, lo, hi - lo);
            }
            return;
        }
        int mid = lo + (hi - lo) / 2;
        sortSequential(a, b, lo, mid, !toB);
        sortSequential(a, b, mid, hi, !toB);
        mergeSequential(toB ? a : b, lo, mid, mid, hi, toB ? b : a, lo);
    }

    private static void insertionSort(long[] a, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            long key = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > key) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = key;
        }
    }

    /** Merges src[lo1, hi1) and src[lo2, hi2) into dst from {@code at}; ties take the first run. */
    private static void mergeSequential(long[] src, int lo1, int hi1, int lo2, int hi2, long[] dst, int at) {
        int i = lo1;
        int j = lo2;
        while (i < hi1 && j < hi2) {
            dst[at++] = src[j] < src[i] ? src[j++] : src[i++];
        }
        System.arraycopy(src, i, dst, at, hi1 - i);
        System.arraycopy(src, j, dst, at + hi1 - i, hi2 - j);
    }

    /** The parallel merge: the larger run's middle element finds its place in the other run. */
    private static final class Merge extends RecursiveAction {
        private final long[] src;
        private final int lo1;
        private final int hi1;
        private final int lo2;
        private final int hi2;
        private final long[] dst;
        private final int at;

        Merge(long[] src, int lo1, int hi1, int lo2, int hi2, long[] dst, int at) {
            this.src = src;
            this.lo1 = lo1;
            this.hi1 = hi1;
            this.lo2 = lo2;
            this.hi2 = hi2;
            this.dst = dst;
            this.at = at;
        }

        @Override
        protected void compute() {
            int n1 = hi1 - lo1;
            int n2 = hi2 - lo2;
            if (n1 + n2 <= MERGE_GRAIN) {
                mergeSequential(src, lo1, hi1, lo2, hi2, dst, at);
                return;
            }
            int m1;
            int m2;
            if (n1 >= n2) {
                m1 = lo1 + n1 / 2;
                m2 = firstNotBelow(src, lo2, hi2, src[m1]); // equal keys of run 2 go after it
            } else {
                m2 = lo2 + n2 / 2;
                m1 = firstAbove(src, lo1, hi1, src[m2]);    // equal keys of run 1 go before it
            }
            int split = at + (m1 - lo1) + (m2 - lo2);
            invokeAll(new Merge(src, lo1, m1, lo2, m2, dst, at), new Merge(src, m1, hi1, m2, hi2, dst, split));
        }
    }

    private static int firstNotBelow(long[] a, int lo, int hi, long key) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstAbove(long[] a, int lo, int hi, long key) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
