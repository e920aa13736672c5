package io.parbench.kernels;

/**
 * One benchmark instance: a kernel with its input for one (size, seed), bound to a pool of
 * workers. The same shape serves the Java kernels and the C kernels called through FFM.
 */
public interface ParallelKernel extends AutoCloseable {
    /** One full pass of the kernel over its input (KERNELS.md "step"). */
    void step();

    /** The KERNELS.md checksum of the last step's output; 0 before the first step. */
    long checksum();

    /** Releases what the instance holds; further calls to step() are errors. */
    @Override
    void close();
}
