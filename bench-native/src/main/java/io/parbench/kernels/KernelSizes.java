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
     * The arrays a Java kernel instance holds (inputs, outputs and scratch): how many elements
     * its longest array has (Long.MAX_VALUE if that overflows) and how many bytes they all take.
     */
    record Footprint(long longestArray, long bytes) {
        /** Arrays of {@code size} elements, {@code bytesPerElement} bytes of them all per element. */
        static Footprint perElement(long size, long bytesPerElement) {
            return new Footprint(size, bytesPerElement * size);
        }
    }

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
        Footprint footprint = kernel.footprint(size);
        long longest = footprint.longestArray();
        if (longest > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("size " + size + " of kernel " + kernel.id()
                    + " needs an array of " + (longest == Long.MAX_VALUE ? "more than 2^63" : longest)
                    + " elements, more than a Java array holds (" + MAX_ARRAY_LENGTH + "): use a smaller size.");
        }
        long bytes = footprint.bytes();
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IllegalArgumentException("size " + size + " of kernel " + kernel.id() + " needs "
                    + bytes / MIB + " MiB of arrays but this JVM's heap is at most " + heap / MIB
                    + " MiB: use a smaller size or raise the heap (-Xmx).");
        }
    }
}
