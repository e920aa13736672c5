package io.parbench.kernels;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * histogram: pieces of {@link #GRAIN} keys are counted by whichever worker runs them, into
 * that worker's own private bins; the step ends by summing the private bins, as in the C kernel.
 * Only the bins of the workers that counted in this step are cleared and summed, so a pool resized
 * between worker counts (a curve in one fork) merges as many as a pool of W alone would.
 */
final class HistogramKernel extends PooledKernel {
    static final int BINS = 1024;
    static final int BIN_SHIFT = 22;
    private static final int GRAIN = 32768;

    private final int[] keys;
    private final long[] count = new long[BINS];
    /** Every worker's private bins, registered when it first counts for this kernel. */
    private final List<PrivateBins> privateBins = new CopyOnWriteArrayList<>();
    private final ThreadLocal<PrivateBins> ownBins = ThreadLocal.withInitial(() -> {
        PrivateBins bins = new PrivateBins();
        privateBins.add(bins);
        return bins;
    });
    private int steps;

    /** A worker's bins, and the step they count for (they are cleared when the worker first counts in a step). */
    private static final class PrivateBins {
        final long[] counts = new long[BINS];
        int step;
    }

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
        int step = ++steps;
        ForkJoinTask<?> countKeys = ParallelFor.task(workers(), 0, keys.length, GRAIN, (lo, hi) -> {
            PrivateBins own = ownBins.get();
            if (own.step != step) {
                Arrays.fill(own.counts, 0);
                own.step = step;
            }
            long[] bins = own.counts;
            for (int i = lo; i < hi; i++) {
                bins[keys[i] >>> BIN_SHIFT]++;
            }
        });
        return ForkJoinTask.adapt(() -> {
            countKeys.invoke();
            Arrays.fill(count, 0);
            for (PrivateBins bins : privateBins) {
                if (bins.step == step) {
                    for (int b = 0; b < BINS; b++) {
                        count[b] += bins.counts[b];
                    }
                }
            }
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(count);
    }
}
