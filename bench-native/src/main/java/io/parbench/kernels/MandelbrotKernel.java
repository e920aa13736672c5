package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * mandelbrot: escape counts of an n×n image. Rows are the unit of work (grain 1 row) so that
 * stealing balances the uneven rows; within a row, four pixels iterate together as the C
 * kernel's vector lanes do, each lane counting exactly the iterations KERNELS.md defines.
 */
final class MandelbrotKernel extends PooledKernel {
    static final int MAX_ITERATIONS = 256;

    private final int n;
    private final int[] count;

    /** No input: the seed changes nothing (KERNELS.md). */
    MandelbrotKernel(long size, long seed, ForkJoinPool pool) {
        super(KernelSpec.MANDELBROT, pool);
        this.n = (int) size;
        this.count = new int[n * n];
    }

    /** The n×n counts; a side above √(2^63) has more pixels than a long counts. */
    static KernelSizes.Footprint footprint(long size) {
        long pixels = size > 3_037_000_499L ? Long.MAX_VALUE : size * size;
        return new KernelSizes.Footprint(pixels, Integer.BYTES * size * size);
    }

    /** The escape count of one pixel, written as KERNELS.md defines it. */
    static int escapeCount(double cx, double cy) {
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
        return it;
    }

    /** The coordinate of pixel {@code p} on an axis starting at {@code origin}: origin + p * (2.5 / n). */
    static double coordinate(double origin, int p, int n) {
        return origin + p * (2.5 / n);
    }

    /**
     * Row {@code py} into {@code count[py*n .. py*n+n)}, four pixels at a time. A lane stays
     * active while {@code x2 + y2 <= 4.0} (never NaN while active) and counts its iterations;
     * lanes past the row's end are computed and not stored.
     */
    private static void row(int[] count, int n, int py) {
        double cy = coordinate(-1.25, py, n);
        for (int px = 0; px < n; px += 4) {
            double cx0 = coordinate(-2.0, px, n), cx1 = coordinate(-2.0, px + 1, n);
            double cx2 = coordinate(-2.0, px + 2, n), cx3 = coordinate(-2.0, px + 3, n);
            double zx0 = 0.0, zx1 = 0.0, zx2 = 0.0, zx3 = 0.0;
            double zy0 = 0.0, zy1 = 0.0, zy2 = 0.0, zy3 = 0.0;
            int n0 = 0, n1 = 0, n2 = 0, n3 = 0;
            boolean a0 = true, a1 = true, a2 = true, a3 = true;
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                double xx0 = zx0 * zx0, yy0 = zy0 * zy0;
                double xx1 = zx1 * zx1, yy1 = zy1 * zy1;
                double xx2 = zx2 * zx2, yy2 = zy2 * zy2;
                double xx3 = zx3 * zx3, yy3 = zy3 * zy3;
                a0 &= xx0 + yy0 <= 4.0;
                a1 &= xx1 + yy1 <= 4.0;
                a2 &= xx2 + yy2 <= 4.0;
                a3 &= xx3 + yy3 <= 4.0;
                if (!(a0 | a1 | a2 | a3)) {
                    break;
                }
                n0 += a0 ? 1 : 0;
                n1 += a1 ? 1 : 0;
                n2 += a2 ? 1 : 0;
                n3 += a3 ? 1 : 0;
                zy0 = 2.0 * zx0 * zy0 + cy;
                zy1 = 2.0 * zx1 * zy1 + cy;
                zy2 = 2.0 * zx2 * zy2 + cy;
                zy3 = 2.0 * zx3 * zy3 + cy;
                zx0 = xx0 - yy0 + cx0;
                zx1 = xx1 - yy1 + cx1;
                zx2 = xx2 - yy2 + cx2;
                zx3 = xx3 - yy3 + cx3;
            }
            int at = py * n + px;
            int lanes = Math.min(4, n - px);
            count[at] = n0;
            if (lanes > 1) {
                count[at + 1] = n1;
            }
            if (lanes > 2) {
                count[at + 2] = n2;
            }
            if (lanes > 3) {
                count[at + 3] = n3;
            }
        }
    }

    @Override
    ForkJoinTask<?> newStep() {
        return ParallelFor.task(workers(), 0, n, 1, (lo, hi) -> {
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
