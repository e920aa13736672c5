package io.parbench.kernels;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * Creates the Java kernels of KERNELS.md on a caller-owned {@link ForkJoinPool}.
 *
 * <p>Variants: {@value #DEFAULT_VARIANT} is the project's own fork-join implementation of every
 * kernel (the same algorithms and grains as the C runtime). {@value #JDK_VARIANT} uses the
 * JDK's own parallel library where its result is exactly the KERNELS.md checksum; today that
 * is only {@code sort} ({@code Arrays.parallelSort}). There is deliberately no jdk variant of
 * {@code sum}: a parallel {@code DoubleStream} sums with compensation and its own split tree,
 * so its result differs in the last bits from the fixed tree, and a checksum mismatch must
 * never be accepted.
 */
public final class JavaKernels {
    public static final String DEFAULT_VARIANT = "default";
    public static final String JDK_VARIANT = "jdk";

    /**
     * JVM flag for every JVM that times the jdk sort: fixes the common pool parallelism that
     * {@code Arrays.parallelSort} splits by, so its task tree is the same for every W
     * (see {@link JdkSortKernel}).
     */
    public static final String JDK_SORT_SPLIT_FLAG = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=64";

    private JavaKernels() {}

    /** The variants of a kernel, {@value #DEFAULT_VARIANT} first. */
    public static List<String> variants(KernelSpec kernel) {
        return kernel == KernelSpec.SORT ? List.of(DEFAULT_VARIANT, JDK_VARIANT) : List.of(DEFAULT_VARIANT);
    }

    /**
     * A kernel instance with its input for (size, seed), running its steps on {@code pool}
     * (W = the pool's parallelism). {@code variant} null means {@value #DEFAULT_VARIANT}.
     *
     * @throws IllegalArgumentException for an unknown variant or a size that is below 1 or does
     *     not fit in Java arrays or this JVM's heap
     */
    public static ParallelKernel create(KernelSpec kernel, String variant, long size, long seed, ForkJoinPool pool) {
        return pooled(kernel, variant, size, seed, pool);
    }

    /**
     * A kernel instance that measures a curve in one JVM on a pool of its own: the pool's
     * parallelism is set to each of {@code workers} as it is {@link ResizableKernel#useWorkers
     * chosen} (at first the smallest); closing the kernel stops the pool.
     *
     * @throws IllegalArgumentException as {@link #create} does, or for a worker count out of range
     */
    public static ResizableKernel resizable(KernelSpec kernel, String variant, long size, long seed, Collection<Integer> workers) {
        return ResizedPool.of(workers, null, p -> pooled(kernel, variant, size, seed, p));
    }

    /**
     * As {@link #resizable(KernelSpec, String, long, long, Collection)}, on the caller's {@code pool}
     * (a {@link WorkerPools.Pool}, whose parallelism it sets; closing the kernel leaves it running).
     * A thread of the pool that steps runs the step itself, as worker 0.
     */
    public static ResizableKernel resizable(KernelSpec kernel, String variant, long size, long seed, Collection<Integer> workers,
            WorkerPools.Pool pool) {
        return ResizedPool.of(workers, Objects.requireNonNull(pool, "pool"), p -> pooled(kernel, variant, size, seed, p));
    }

    private static PooledKernel pooled(KernelSpec kernel, String variant, long size, long seed, ForkJoinPool pool) {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(pool, "pool");
        String chosen = variant == null ? DEFAULT_VARIANT : variant;
        if (!variants(kernel).contains(chosen)) {
            throw new IllegalArgumentException("kernel " + kernel.id() + " has no variant '" + chosen
                    + "': use one of " + variants(kernel) + ".");
        }
        KernelSizes.requireValid(kernel, size);
        if (chosen.equals(JDK_VARIANT)) {
            return new JdkSortKernel(size, seed, pool);
        }
        return kernel.newJavaKernel(size, seed, pool);
    }
}
