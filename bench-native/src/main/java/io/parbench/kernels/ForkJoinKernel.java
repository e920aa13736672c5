package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * forkjoin: what one parallel region costs. Exactly W leaves, each summing its share of the
 * indices 0..n-1 as u64 (wrapping); the leaf sums are added on the way back up.
 */
final class ForkJoinKernel extends PooledKernel {
    private final long n;
    private final long[] sums;

    ForkJoinKernel(long size, ForkJoinPool pool) {
        super(KernelSpec.FORKJOIN, pool);
        this.n = size;
        this.sums = new long[workers()];
    }

    @Override
    ForkJoinTask<?> newStep() {
        int parts = sums.length;
        return new PerWorkerSplit(parts, k -> {
            long sum = 0;
            long end = PerWorkerSplit.leafStart(k + 1, n, parts);
            for (long i = PerWorkerSplit.leafStart(k, n, parts); i < end; i++) {
                sum += i;
            }
            sums[k] = sum;
        }, (into, from) -> sums[into] += sums[from]);
    }

    @Override
    long outputChecksum() {
        return sums[0];
    }
}
