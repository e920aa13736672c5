package io.parbench.kernels;

import java.util.Locale;

/**
 * Which sizes a Java kernel instance can hold: its arrays must fit in Java arrays and its
 * whole footprint in this JVM's heap. Checked before anything is allocated, so a bad size
 * becomes a sentence instead of an OutOfMemoryError.
 */
public final class KernelSizes {
    /** The longest array every JVM allocates (the JDK's own soft limit). */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final long MIB = 1L << 20;

    private KernelSizes() {}

    /**
     * Parses a size as a profile name ({@code quick}, {@code default}, {@code full}) or a
     * number, as in JMH's {@code size} parameter. Whether the number fits is for the engine to
     * say: {@link #requireValid} for Java, the C library for the native kernels.
     */
    public static long parse(KernelSpec kernel, String text) {
        String trimmed = text.trim();
        for (KernelSpec.Profile profile : KernelSpec.Profile.values()) {
            if (profile.id().equals(trimmed.toLowerCase(Locale.ROOT))) {
                return kernel.defaultSize(profile);
            }
        }
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + text + "' of kernel " + kernel.id()
                    + " is neither a number nor a profile: use a positive integer or quick, default or full.");
        }
    }

    /** Throws IllegalArgumentException saying what is wrong with {@code size} and what to do. */
    public static void requireValid(KernelSpec kernel, long size) {
        if (size < 1) {
            throw new IllegalArgumentException("size " + size + " of kernel " + kernel.id()
                    + " is below 1: use a positive number of " + kernel.sizeUnit() + ".");
        }
        long longest = longestArray(kernel, size);
        if (longest > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("size " + size + " of kernel " + kernel.id()
                    + " needs an array of " + (longest == Long.MAX_VALUE ? "more than 2^63" : longest)
                    + " elements, more than a Java array holds (" + MAX_ARRAY_LENGTH + "): use a smaller size.");
        }
        long bytes = footprintBytes(kernel, size);
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IllegalArgumentException("size " + size + " of kernel " + kernel.id() + " needs "
                    + bytes / MIB + " MiB of arrays but this JVM's heap is at most " + heap / MIB
                    + " MiB: use a smaller size or raise the heap (-Xmx).");
        }
    }

    /** Elements in the kernel's longest array, or Long.MAX_VALUE if that overflows. */
    private static long longestArray(KernelSpec kernel, long size) {
        return switch (kernel) {
            case MANDELBROT -> size > 3_037_000_499L ? Long.MAX_VALUE : size * size;
            case FORKJOIN -> 0;
            default -> size;
        };
    }

    /** Bytes of all arrays an instance holds (inputs, outputs and scratch). */
    private static long footprintBytes(KernelSpec kernel, long size) {
        return switch (kernel) {
            case SUM -> Double.BYTES * size;
            case HISTOGRAM -> Integer.BYTES * size;
            case AXPY -> 3L * Double.BYTES * size;
            case NBODY -> 13L * Double.BYTES * size;
            case MANDELBROT -> Integer.BYTES * size * size;
            case SORT -> 3L * Long.BYTES * size;
            case FORKJOIN -> 0;
        };
    }
}
