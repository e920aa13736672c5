package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * scan: the inclusive prefix sum of KERNELS.md (wrapping u64), in blocks of {@link #BLOCK} keys
 * as the C kernel: pass 1 sums each block in parallel, one worker turns the block sums into each
 * block's offset (an exclusive scan, in place), pass 2 writes each block's prefix sums from its
 * offset in parallel.
 */
final class ScanKernel extends PooledKernel {
    /** Keys per block: KERNELS.md defines it, do not tune. */
    static final int BLOCK = 16384;
    /** Tuning: blocks per piece of a parallel pass. */
    private static final int GRAIN_BLOCKS = 1;

    private final long[] keys;
    private final long[] out;
    /** Each block's sum after pass 1, its offset after the exclusive scan. */
    private final long[] blockSums;

    ScanKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.SCAN, pool);
        this.keys = keys(size, seed);
        this.out = new long[keys.length];
        this.blockSums = new long[(keys.length + BLOCK - 1) / BLOCK];
    }

    /** KERNELS.md's input: {@code key[i] = next()}. */
    static long[] keys(long size, long seed) {
        return SplitMix64.forKernel(KernelSpec.SCAN, size, seed).nextValues((int) size);
    }

    /** The keys and the prefix sums (the block sums add one long per 16384 keys). */
    static KernelSizes.Footprint footprint(long size) {
        return KernelSizes.Footprint.perElement(size, 2L * Long.BYTES);
    }

    /** Block b covers [b * BLOCK, blockEnd(b)). */
    private int blockEnd(int b) {
        return (int) Math.min((long) (b + 1) * BLOCK, keys.length);
    }

    @Override
    ForkJoinTask<?> newStep() {
        ForkJoinTask<?> sumBlocks = ParallelFor.task(workers(), 0, blockSums.length, GRAIN_BLOCKS, (lo, hi) -> {
            for (int b = lo; b < hi; b++) {
                long sum = 0;
                for (int i = b * BLOCK, end = blockEnd(b); i < end; i++) {
                    sum += keys[i];
                }
                blockSums[b] = sum;
            }
        });
        ForkJoinTask<?> scanBlocks = ParallelFor.task(workers(), 0, blockSums.length, GRAIN_BLOCKS, (lo, hi) -> {
            for (int b = lo; b < hi; b++) {
                long sum = blockSums[b];
                for (int i = b * BLOCK, end = blockEnd(b); i < end; i++) {
                    sum += keys[i];
                    out[i] = sum;
                }
            }
        });
        return ForkJoinTask.adapt(() -> {
            sumBlocks.invoke();
            long offset = 0;
            for (int b = 0; b < blockSums.length; b++) {
                long sum = blockSums[b];
                blockSums[b] = offset;
                offset += sum;
            }
            scanBlocks.invoke();
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(out);
    }
}
