package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * serial, a calibration kernel with a known serial fraction (KERNELS.md): forkjoin's work in two
 * phases, the first quarter of [0, n) summed by the stepping worker alone while the others wait,
 * then the other three quarters in exactly W equal leaves. Amdahl: S(W) = 1 / (1/4 + (3/4) / W).
 */
final class SerialKernel extends PooledKernel {
    /** The serial part is [0, n / SERIAL_DIVISOR): f = 1/4. */
    static final int SERIAL_DIVISOR = 4;

    private final long n;
    private Step lastStep;

    /** No input: the seed changes nothing (KERNELS.md). */
    SerialKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.SERIAL, pool);
        this.n = size;
    }

    /** No arrays at all. */
    static KernelSizes.Footprint footprint(long size) {
        return ForkJoinKernel.footprint(size);
    }

    @Override
    ForkJoinTask<?> newStep() {
        lastStep = new Step(n, workers());
        return lastStep;
    }

    @Override
    long outputChecksum() {
        return lastStep.sum;
    }

    private static final class Step extends RecursiveAction {
        private final long n;
        private final int workers;
        long sum;

        Step(long n, int workers) {
            this.n = n;
            this.workers = workers;
        }

        @Override
        protected void compute() {
            long serial = n / SERIAL_DIVISOR;
            long head = MixLeaves.sum(0, serial);
            MixLeaves rest = new MixLeaves(serial, n - serial, workers, MixLeaves.EVEN);
            rest.invoke();
            sum = head + rest.sum;
        }
    }
}
