package io.parbench.ffm;

import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ResizableKernel;
import java.lang.foreign.MemorySegment;

/**
 * One C benchmark instance (pb_bench) on its own pool of W workers (pb_pool). The calling
 * thread is worker 0 during a step, as parbench.h says; call from one thread at a time.
 */
public final class NativeBench implements ResizableKernel {
    /** How long the helpers may take to enter the pool before creation fails. */
    private static final int READY_TIMEOUT_MS = 10_000;

    private final NativeLibrary library;
    private final KernelSpec kernel;
    private MemorySegment pool;
    private MemorySegment bench;

    private NativeBench(NativeLibrary library, KernelSpec kernel, MemorySegment pool, MemorySegment bench) {
        this.library = library;
        this.kernel = kernel;
        this.pool = pool;
        this.bench = bench;
    }

    /** An instance of the library on this class path; see {@link #create(NativeLibrary, KernelSpec, long, long, int)}. */
    public static NativeBench create(KernelSpec kernel, long size, long seed, int workers) {
        return create(NativeLibrary.load(), kernel, size, seed, workers);
    }

    /**
     * Starts a pool of {@code workers} and fills the kernel's input for (size, seed).
     *
     * @throws NativeBenchException with the library's sentence if the pool or the bench cannot
     *     be created (bad size or worker count, out of memory, threads that would not start)
     */
    public static NativeBench create(NativeLibrary library, KernelSpec kernel, long size, long seed, int workers) {
        MemorySegment pool = library.poolCreate(workers);
        if (isNull(pool)) {
            throw library.lastFailure("pb_pool_create");
        }
        if (library.poolWaitReady(pool, READY_TIMEOUT_MS) != 0) {
            NativeBenchException failure = library.lastFailure("pb_pool_wait_ready");
            library.poolDestroy(pool);
            throw failure;
        }
        MemorySegment bench = library.benchCreate(pool, kernel.nativeId(), size, seed);
        if (isNull(bench)) {
            NativeBenchException failure = library.lastFailure("pb_bench_create");
            library.poolDestroy(pool);
            throw failure;
        }
        return new NativeBench(library, kernel, pool, bench);
    }

    public KernelSpec kernel() {
        return kernel;
    }

    /** The pool's worker count as the library reports it. */
    public int workers() {
        requireOpen();
        return library.poolWorkers(pool);
    }

    /**
     * Runs the following steps on {@code workers} of the pool's W workers.
     *
     * @throws IllegalArgumentException for another count than W: this library cannot change how
     *     many workers a pool runs
     */
    @Override
    public void useWorkers(int workers) {
        if (workers != workers()) {
            throw new IllegalArgumentException("this libparbench.so runs its pools at their size only, so a pool of "
                    + workers() + " cannot run " + workers + " workers: give each worker count a fork of its own.");
        }
    }

    @Override
    public void step() {
        requireOpen();
        if (library.benchStep(bench) != 0) {
            throw library.lastFailure("pb_bench_step");
        }
    }

    @Override
    public long checksum() {
        requireOpen();
        return library.benchChecksum(bench);
    }

    /** Frees the bench and stops the pool's threads; safe to call twice. */
    @Override
    public void close() {
        if (bench != null) {
            library.benchDestroy(bench);
            library.poolDestroy(pool);
            bench = null;
            pool = null;
        }
    }

    private void requireOpen() {
        if (bench == null) {
            throw new IllegalStateException("the native " + kernel.id() + " bench was closed: create a new one.");
        }
    }

    private static boolean isNull(MemorySegment pointer) {
        return pointer.address() == 0;
    }
}
