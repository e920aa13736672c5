package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** axpy: {@code out[i] = a * x[i] + y[i]} into a separate output array, in parallel chunks. */
final class AxpyKernel extends PooledKernel {
    private static final int GRAIN = 16384;

    private final Input input;
    private final double[] out;

    /** KERNELS.md's input: all of x, then all of y. */
    record Input(double[] x, double[] y) {
        static final double A = 0.75;

        static Input of(long size, long seed) {
            SplitMix64 random = SplitMix64.forKernel(KernelSpec.AXPY, size, seed);
            double[] x = random.signedValues((int) size);
            return new Input(x, random.signedValues((int) size));
        }
    }

    AxpyKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.AXPY, pool);
        this.input = Input.of(size, seed);
        this.out = new double[(int) size];
    }

    /** x, y and the output. */
    static KernelSizes.Footprint footprint(long size) {
        return KernelSizes.Footprint.perElement(size, 3L * Double.BYTES);
    }

    @Override
    ForkJoinTask<?> newStep() {
        double[] x = input.x();
        double[] y = input.y();
        return ParallelFor.task(workers(), 0, out.length, GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                out[i] = Input.A * x[i] + y[i];
            }
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(out);
    }
}
