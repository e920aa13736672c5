package io.parbench.kernels;

/**
 * The inputs of KERNELS.md, drawn from one SplitMix64 per kernel instance in the stated order.
 * Shared by the parallel kernels and the sequential reference so both start from the same data.
 */
final class KernelInputs {
    private KernelInputs() {}

    static double[] signedValues(SplitMix64 random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.signed();
        }
        return x;
    }

    /** sum: {@code x[i] = signed()}. */
    static double[] sum(long size, long seed) {
        return signedValues(SplitMix64.forKernel(KernelSpec.SUM, size, seed), (int) size);
    }

    /** histogram: {@code key[i] = (u32)(next() >>> 32)}, held in an int. */
    static int[] histogramKeys(long size, long seed) {
        SplitMix64 random = SplitMix64.forKernel(KernelSpec.HISTOGRAM, size, seed);
        int[] keys = new int[(int) size];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (int) (random.next() >>> 32);
        }
        return keys;
    }

    /** axpy: all of x, then all of y. */
    record Axpy(double[] x, double[] y) {
        static final double A = 0.75;

        static Axpy of(long size, long seed) {
            SplitMix64 random = SplitMix64.forKernel(KernelSpec.AXPY, size, seed);
            double[] x = signedValues(random, (int) size);
            return new Axpy(x, signedValues(random, (int) size));
        }
    }

    /** nbody: per body in order px, py, pz, then 0.01 * signed() for vx, vy, vz, then the mass. */
    record Bodies(double[] px, double[] py, double[] pz, double[] vx, double[] vy, double[] vz, double[] m) {
        static Bodies of(long size, long seed) {
            SplitMix64 random = SplitMix64.forKernel(KernelSpec.NBODY, size, seed);
            int n = (int) size;
            Bodies b = new Bodies(new double[n], new double[n], new double[n],
                    new double[n], new double[n], new double[n], new double[n]);
            for (int i = 0; i < n; i++) {
                b.px[i] = random.signed();
                b.py[i] = random.signed();
                b.pz[i] = random.signed();
                b.vx[i] = 0.01 * random.signed();
                b.vy[i] = 0.01 * random.signed();
                b.vz[i] = 0.01 * random.signed();
                b.m[i] = 0.1 + 0.9 * random.unit();
            }
            return b;
        }
    }

    /** sort: {@code key[i] = (i64)next()}. */
    static long[] sortKeys(long size, long seed) {
        SplitMix64 random = SplitMix64.forKernel(KernelSpec.SORT, size, seed);
        long[] keys = new long[(int) size];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.next();
        }
        return keys;
    }
}
