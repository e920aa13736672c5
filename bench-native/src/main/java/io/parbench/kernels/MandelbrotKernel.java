package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** mandelbrot: escape counts of an n×n image; one row per leaf so stealing balances the uneven rows. */
final class MandelbrotKernel extends PooledKernel {
    static final int MAX_ITERATIONS = 256;

    private final int n;
    private final int[] count;

    MandelbrotKernel(long size, ForkJoinPool pool) {
        super(KernelSpec.MANDELBROT, pool);
        this.n = (int) size;
        this.count = new int[n * n];
    }

    /** Row {@code py} of the n×n image into {@code count[py*n .. py*n+n)}. */
    static void row(int[] count, int n, int py) {
        double d = 2.5 / n;
        double cy = -1.25 + py * d;
        for (int px = 0; px < n; px++) {
            double cx = -2.0 + px * d;
            double zx = 0.0;
            double zy = 0.0;
            int it = 0;
            while (it < MAX_ITERATIONS) {
                double x2 = zx * zx;
                double y2 = zy * zy;
                if (x2 + y2 > 4.0) {
                    break;
                }
                zy = 2.0 * zx * zy + cy;
                zx = x2 - y2 + cx;
                it = it + 1;
            }
            count[py * n + px] = it;
        }
    }

    @Override
    ForkJoinTask<?> newStep() {
        return new ParallelFor(0, n, 1, (lo, hi) -> {
            for (int py = lo; py < hi; py++) {
                row(count, n, py);
            }
        });
    }

    @Override
    long outputChecksum() {
        return SequenceHash.of(count);
    }
}
