package io.parbench.kernels;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in kernel suite as defined in bench-wasm/KERNELS.md: names, generator tags and
 * default sizes per profile. The C library's pb_kernel_default_size must agree (tested).
 */
public enum KernelSpec {
    SUM("sum", 1, "elements", 1L << 20, 1L << 24, 1L << 26),
    HISTOGRAM("histogram", 2, "keys", 1L << 20, 1L << 25, 1L << 27),
    AXPY("axpy", 3, "elements", 1L << 19, 1L << 23, 1L << 25),
    NBODY("nbody", 4, "bodies", 512, 2048, 8192),
    MANDELBROT("mandelbrot", 5, "pixels per side", 256, 1024, 2048),
    SORT("sort", 6, "keys", 1L << 18, 1L << 21, 1L << 23),
    FORKJOIN("forkjoin", 7, "elements", 1024, 1024, 1024);

    /** The input seed every engine uses unless told otherwise (KERNELS.md). */
    public static final long DEFAULT_SEED = 42;

    /** Size profiles, in the order of the C enum pb_profile. */
    public enum Profile { QUICK, DEFAULT, FULL;
        public String id() { return name().toLowerCase(Locale.ROOT); }
    }

    private final String id;
    private final int tag;
    private final String sizeUnit;
    private final long[] sizes;

    KernelSpec(String id, int tag, String sizeUnit, long quick, long normal, long full) {
        this.id = id;
        this.tag = tag;
        this.sizeUnit = sizeUnit;
        this.sizes = new long[] {quick, normal, full};
    }

    /** The name used on the command line, in results and in the C library. */
    public String id() { return id; }

    /** The generator tag of KERNELS.md (seeds SplitMix64 together with size and seed). */
    public int tag() { return tag; }

    /** What the size counts, for people ("bodies", "keys", …). */
    public String sizeUnit() { return sizeUnit; }

    /** Index of this kernel in the C library (pb_kernel_name order). */
    public int nativeId() { return ordinal(); }

    public long defaultSize(Profile profile) { return sizes[profile.ordinal()]; }

    public static Optional<KernelSpec> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
