package io.parbench.kernels;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * sort, variant "jdk": {@link Arrays#parallelSort(long[])} run inside the kernel's pool (its
 * tasks fork into the pool of the thread that calls it). The sorted output is unique, so the
 * checksum is the same as the project's merge sort.
 *
 * <p>Caveat, from the JDK's source: parallelSort decides how far to split from the
 * <em>common</em> pool's parallelism, not from the pool it runs in, and sorts sequentially when
 * that parallelism is 1 (the default on a two-core machine). JMH forks therefore run with
 * {@link JavaKernels#JDK_SORT_SPLIT_FLAG}, which fixes that split tree for every worker count.
 */
final class JdkSortKernel extends PooledKernel {
    private final long[] input;
    private final long[] work;

    JdkSortKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.SORT, pool);
        this.input = MergeSortKernel.keys(size, seed);
        this.work = new long[input.length];
    }

    @Override
    ForkJoinTask<?> newStep() {
        return ForkJoinTask.adapt(() -> {
            System.arraycopy(input, 0, work, 0, input.length);
            Arrays.parallelSort(work);
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(work);
    }
}
