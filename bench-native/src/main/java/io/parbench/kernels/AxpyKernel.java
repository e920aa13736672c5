package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** axpy: {@code out[i] = a * x[i] + y[i]} into a separate output array, in parallel chunks. */
final class AxpyKernel extends PooledKernel {
    private static final int GRAIN = 16384;

    private final KernelInputs.Axpy input;
    private final double[] out;

    AxpyKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.AXPY, pool);
        this.input = KernelInputs.Axpy.of(size, seed);
        this.out = new double[(int) size];
    }

    @Override
    ForkJoinTask<?> newStep() {
        double[] x = input.x();
        double[] y = input.y();
        return ParallelFor.task(workers(), 0, out.length, GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                out[i] = KernelInputs.Axpy.A * x[i] + y[i];
            }
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(out);
    }
}
