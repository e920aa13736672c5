package io.parbench.kernels;

/**
 * The checksum of a sequence of 64-bit values (KERNELS.md "Checksum of a sequence"):
 * {@code h = 0x243F6A8885A308D3 ^ m; for each v: h = mix64(h ^ v)}. Doubles enter as their
 * raw IEEE-754 bits.
 */
public final class SequenceHash {
    private static final long OFFSET = 0x243F6A8885A308D3L;

    private long h;

    /** Starts the hash of a sequence that will have exactly {@code length} values. */
    public SequenceHash(long length) {
        h = OFFSET ^ length;
    }

    public SequenceHash add(long value) {
        h = SplitMix64.mix64(h ^ value);
        return this;
    }

    public SequenceHash add(double value) {
        return add(Double.doubleToRawLongBits(value));
    }

    public long value() {
        return h;
    }

    public static long of(long[] values) {
        SequenceHash hash = new SequenceHash(values.length);
        for (long v : values) {
            hash.add(v);
        }
        return hash.value();
    }

    /** Non-negative counts, as u64. */
    public static long of(int[] counts) {
        SequenceHash hash = new SequenceHash(counts.length);
        for (int c : counts) {
            hash.add((long) c);
        }
        return hash.value();
    }

    public static long of(double[] values) {
        SequenceHash hash = new SequenceHash(values.length);
        for (double v : values) {
            hash.add(v);
        }
        return hash.value();
    }
}
