package io.parbench.kernels;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * histogram: pieces of {@link #GRAIN} keys are counted by whichever worker runs them, into
 * that worker's own private bins; the step ends by summing the private bins, as in the C kernel.
 */
final class HistogramKernel extends PooledKernel {
    static final int BINS = 1024;
    static final int BIN_SHIFT = 22;
    private static final int GRAIN = 32768;

    private final int[] keys;
    private final long[] count = new long[BINS];
    /** Every worker's private bins, registered when it first counts for this kernel. */
    private final List<long[]> privateBins = new CopyOnWriteArrayList<>();
    private final ThreadLocal<long[]> ownBins = ThreadLocal.withInitial(() -> {
        long[] bins = new long[BINS];
        privateBins.add(bins);
        return bins;
    });

    HistogramKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.HISTOGRAM, pool);
        this.keys = keys(size, seed);
    }

    /** KERNELS.md's input: {@code key[i] = (u32)(next() >>> 32)}, held in an int. */
    static int[] keys(long size, long seed) {
        SplitMix64 random = SplitMix64.forKernel(KernelSpec.HISTOGRAM, size, seed);
        int[] keys = new int[(int) size];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (int) (random.next() >>> 32);
        }
        return keys;
    }

    static KernelSizes.Footprint footprint(long size) {
        return KernelSizes.Footprint.perElement(size, Integer.BYTES);
    }

    @Override
    ForkJoinTask<?> newStep() {
        ForkJoinTask<?> countKeys = ParallelFor.task(workers(), 0, keys.length, GRAIN, (lo, hi) -> {
            long[] bins = ownBins.get();
            for (int i = lo; i < hi; i++) {
                bins[keys[i] >>> BIN_SHIFT]++;
            }
        });
        return ForkJoinTask.adapt(() -> {
            privateBins.forEach(bins -> Arrays.fill(bins, 0));
            countKeys.invoke();
            Arrays.fill(count, 0);
            for (long[] bins : privateBins) {
                for (int b = 0; b < BINS; b++) {
                    count[b] += bins[b];
                }
            }
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(count);
    }
}
