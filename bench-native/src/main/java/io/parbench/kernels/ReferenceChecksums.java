package io.parbench.kernels;

import java.util.Arrays;

/**
 * The expected checksum of every kernel, computed on one thread by the plainest code that
 * follows KERNELS.md, so every engine and worker count can be checked against it. It shares
 * the input generator and the formulas as KERNELS.md writes them (one nbody body, one
 * mandelbrot pixel, the sum tree) with the Java kernels, whose fast paths (four bodies, pixels
 * or leaves at a time, parallel splits) it checks. The formulas themselves are checked against
 * the independent C implementation.
 */
public final class ReferenceChecksums {
    private ReferenceChecksums() {}

    /** The checksum of one step of {@code kernel} at (size, seed); IllegalArgumentException for a bad size. */
    public static long of(KernelSpec kernel, long size, long seed) {
        KernelSizes.requireValid(kernel, size);
        return switch (kernel) {
            case SUM -> sum(size, seed);
            case HISTOGRAM -> histogram(size, seed);
            case AXPY -> axpy(size, seed);
            case NBODY -> nbody(size, seed);
            case MANDELBROT -> mandelbrot((int) size);
            case SORT -> sort(size, seed);
            case FORKJOIN -> forkjoin(size);
            case SCAN -> scan(size, seed);
            // The calibration kernels split forkjoin's work differently: the same total.
            case SERIAL, IMBALANCED -> forkjoin(size);
        };
    }

    private static long sum(long size, long seed) {
        double[] x = SumKernel.input(size, seed);
        return Double.doubleToRawLongBits(SumKernel.reduce(x, 0, x.length));
    }

    private static long histogram(long size, long seed) {
        long[] count = new long[HistogramKernel.BINS];
        for (int key : HistogramKernel.keys(size, seed)) {
            count[key >>> HistogramKernel.BIN_SHIFT]++;
        }
        return SequenceHash.of(count);
    }

    private static long axpy(long size, long seed) {
        AxpyKernel.Input in = AxpyKernel.Input.of(size, seed);
        double[] out = new double[(int) size];
        for (int i = 0; i < out.length; i++) {
            out[i] = AxpyKernel.Input.A * in.x()[i] + in.y()[i];
        }
        return SequenceHash.of(out);
    }

    private static long nbody(long size, long seed) {
        NBodyKernel.Bodies bodies = NBodyKernel.Bodies.of(size, seed);
        NBodyKernel.NextState next = new NBodyKernel.NextState((int) size);
        for (int i = 0; i < size; i++) {
            NBodyKernel.advance(bodies, next, i);
        }
        return next.checksum();
    }

    private static long mandelbrot(int n) {
        SequenceHash hash = new SequenceHash((long) n * n);
        for (int py = 0; py < n; py++) {
            for (int px = 0; px < n; px++) {
                double cx = MandelbrotKernel.coordinate(-2.0, px, n);
                double cy = MandelbrotKernel.coordinate(-1.25, py, n);
                hash.add(MandelbrotKernel.escapeCount(cx, cy));
            }
        }
        return hash.value();
    }

    private static long sort(long size, long seed) {
        long[] keys = MergeSortKernel.keys(size, seed);
        Arrays.sort(keys);
        return SequenceHash.of(keys);
    }

    /** The sum of mix64(i) over 0..n-1 in wrapping u64 arithmetic, however the leaves split it. */
    private static long forkjoin(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            sum += SplitMix64.mix64(i);
        }
        return sum;
    }

    /** The inclusive prefix sums, one after another, in wrapping u64 arithmetic. */
    private static long scan(long size, long seed) {
        long[] keys = ScanKernel.keys(size, seed);
        SequenceHash hash = new SequenceHash(keys.length);
        long sum = 0;
        for (long key : keys) {
            sum += key;
            hash.add(sum);
        }
        return hash.value();
    }
}
