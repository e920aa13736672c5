package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * sort: a stable merge sort built on fork-join, structured as the C kernel. Halves are sorted
 * in parallel into the other buffer, then merged in parallel by splitting the larger run at
 * its middle and binary-searching the other. Leaves copy their slice of the input (so the
 * step's copy is parallel too) and sort it with a sequential bottom-up merge sort over
 * insertion-sorted runs.
 */
final class MergeSortKernel extends PooledKernel {
    /** Keys sorted sequentially by one leaf. */
    private static final int SORT_GRAIN = 4096;
    /** Keys merged sequentially. */
    private static final int MERGE_GRAIN = 8192;
    /** Insertion-sorted run length of the sequential sort. */
    private static final int RUN = 16;

    private final long[] input;
    private final long[] work;
    private final long[] scratch;

    MergeSortKernel(long size, long seed, ForkJoinPool pool) {
        this(keys(size, seed), pool);
    }

    /** KERNELS.md's input: {@code key[i] = (i64)next()}. */
    static long[] keys(long size, long seed) {
        return SplitMix64.forKernel(KernelSpec.SORT, size, seed).nextValues((int) size);
    }

    /** The input, the work buffer and the scratch buffer. */
    static KernelSizes.Footprint footprint(long size) {
        return KernelSizes.Footprint.perElement(size, 3L * Long.BYTES);
    }

    /** Sorts the given keys (tests use inputs with many equal keys). */
    MergeSortKernel(long[] input, ForkJoinPool pool) {
        super(KernelSpec.SORT, pool);
        this.input = input;
        this.work = new long[input.length];
        this.scratch = new long[input.length];
    }

    @Override
    ForkJoinTask<?> newStep() {
        return new Sort(0, input.length, true);
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(work);
    }

    /** Sorts input[lo, hi) into work (intoWork) or scratch; the other buffer's slice is scratch space. */
    private final class Sort extends RecursiveAction {
        private final int lo;
        private final int hi;
        private final boolean intoWork;

        Sort(int lo, int hi, boolean intoWork) {
            this.lo = lo;
            this.hi = hi;
            this.intoWork = intoWork;
        }

        @Override
        protected void compute() {
            long[] dst = intoWork ? work : scratch;
            long[] other = intoWork ? scratch : work;
            if (hi - lo <= SORT_GRAIN) {
                sortSequential(input, dst, other, lo, hi - lo);
                return;
            }
            int mid = lo + (hi - lo) / 2;
            invokeAll(new Sort(lo, mid, !intoWork), new Sort(mid, hi, !intoWork));
            new Merge(other, lo, mid - lo, mid, hi - mid, dst, lo).compute();
        }
    }

    /** Sorts src[at, at+n) into dst[at, at+n), using dst and other as ping-pong buffers. */
    private static void sortSequential(long[] src, long[] dst, long[] other, int at, int n) {
        int passes = 0;
        for (int width = RUN; width < n; width *= 2) {
            passes++;
        }
        // Start where an even number of passes ends in dst.
        long[] from = passes % 2 == 1 ? other : dst;
        long[] to = passes % 2 == 1 ? dst : other;
        System.arraycopy(src, at, from, at, n);
        for (int lo = 0; lo < n; lo += RUN) {
            insertionSort(from, at + lo, at + Math.min(n, lo + RUN));
        }
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                mergeSequential(from, at + lo, mid - lo, at + mid, hi - mid, to, at + lo);
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
    }

    private static void insertionSort(long[] v, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            long key = v[i];
            int j = i;
            for (; j > lo && v[j - 1] > key; j--) {
                v[j] = v[j - 1];
            }
            v[j] = key;
        }
    }

    /** Merges runs src[a, a+na) and src[b, b+nb) into out[at, …); stable: on equal keys run a comes first. */
    private static void mergeSequential(long[] src, int a, int na, int b, int nb, long[] out, int at) {
        int i = a;
        int j = b;
        int endA = a + na;
        int endB = b + nb;
        while (i < endA && j < endB) {
            long x = src[i];
            long y = src[j];
            if (y < x) {
                out[at++] = y;
                j++;
            } else {
                out[at++] = x;
                i++;
            }
        }
        System.arraycopy(src, i, out, at, endA - i);
        System.arraycopy(src, j, out, at + endA - i, endB - j);
    }

    /** The parallel merge of runs src[a, a+na) and src[b, b+nb) into out[at, …). */
    private static final class Merge extends RecursiveAction {
        private final long[] src;
        private final int a;
        private final int na;
        private final int b;
        private final int nb;
        private final long[] out;
        private final int at;

        Merge(long[] src, int a, int na, int b, int nb, long[] out, int at) {
            this.src = src;
            this.a = a;
            this.na = na;
            this.b = b;
            this.nb = nb;
            this.out = out;
            this.at = at;
        }

        @Override
        protected void compute() {
            if (na + nb <= MERGE_GRAIN) {
                mergeSequential(src, a, na, b, nb, out, at);
                return;
            }
            int ma;
            int mb;
            if (na >= nb) {
                ma = na / 2;
                mb = firstNotBelow(src, b, nb, src[a + ma]);  // equal keys of run b go after it
            } else {
                mb = nb / 2;
                ma = firstAbove(src, a, na, src[b + mb]);     // equal keys of run a go before it
            }
            invokeAll(new Merge(src, a, ma, b, mb, out, at),
                    new Merge(src, a + ma, na - ma, b + mb, nb - mb, out, at + ma + mb));
        }
    }

    /** Offset in v[from, from+n) of the first key >= key. */
    private static int firstNotBelow(long[] v, int from, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (v[from + mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Offset in v[from, from+n) of the first key > key. */
    private static int firstAbove(long[] v, int from, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (v[from + mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
