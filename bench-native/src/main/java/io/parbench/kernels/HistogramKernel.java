package io.parbench.kernels;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * histogram: each of the W workers counts its contiguous share of the keys into its own
 * private bins; the private bins are then summed pairwise on the way back up the split tree.
 */
final class HistogramKernel extends PooledKernel {
    static final int BINS = 1024;
    static final int BIN_SHIFT = 22;

    private final int[] keys;
    private final int[][] bins;

    HistogramKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.HISTOGRAM, pool);
        this.keys = KernelInputs.histogramKeys(size, seed);
        this.bins = new int[workers()][BINS];
    }

    @Override
    ForkJoinTask<?> newStep() {
        int parts = bins.length;
        return new PerWorkerSplit(parts, k -> {
            int[] own = bins[k];
            Arrays.fill(own, 0);
            int end = (int) PerWorkerSplit.leafStart(k + 1, keys.length, parts);
            for (int i = (int) PerWorkerSplit.leafStart(k, keys.length, parts); i < end; i++) {
                own[keys[i] >>> BIN_SHIFT]++;
            }
        }, (into, from) -> {
            int[] target = bins[into];
            int[] source = bins[from];
            for (int b = 0; b < BINS; b++) {
                target[b] += source[b];
            }
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(bins[0]);
    }
}
