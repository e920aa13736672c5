package io.parbench.kernels;

/**
 * The SplitMix64 generator of KERNELS.md, bit-identical to the C one: every kernel instance
 * draws its input from one generator seeded by (kernel tag, size, seed).
 */
public final class SplitMix64 {
    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long SIZE_MULTIPLIER = 0xD1B54A32D192ED03L;
    private static final double UNIT = 0x1.0p-53;

    private long state;

    /** A generator positioned exactly where KERNELS.md's {@code init(kernel, n, seed)} puts it. */
    public static SplitMix64 forKernel(KernelSpec kernel, long size, long seed) {
        return new SplitMix64(seed + kernel.tag() * GOLDEN + size * SIZE_MULTIPLIER);
    }

    /** A generator whose state is {@code state}; the first value is {@code mix64(state + GOLDEN)}. */
    public SplitMix64(long state) {
        this.state = state;
    }

    /** The SplitMix64 finaliser (also the mixing step of {@link SequenceHash}). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 64 random bits (an unsigned value held in a long). */
    public long next() {
        state += GOLDEN;
        return mix64(state);
    }

    /** A double in [0, 1) with 53 random bits. */
    public double unit() {
        return (next() >>> 11) * UNIT;
    }

    /** A double in [-1, 1). */
    public double signed() {
        return 2.0 * unit() - 1.0;
    }

    /** The next {@code n} values of {@link #next()}, in order. */
    long[] nextValues(int n) {
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = next();
        }
        return x;
    }

    /** The next {@code n} values of {@link #signed()}, in order. */
    double[] signedValues(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = signed();
        }
        return x;
    }
}
