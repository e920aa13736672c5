package io.parbench.ffm;

import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.PoolAccount;
import io.parbench.kernels.ResizableKernel;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * One C benchmark instance (pb_bench) on its own pool of W workers (pb_pool). The calling
 * thread is worker 0 during a step, as parbench.h says; call from one thread at a time. Its
 * steps run on all W workers unless {@link #useWorkers(int)} chose fewer, so one bench can
 * measure every worker count up to W.
 */
public final class NativeBench implements ResizableKernel {
    /** How long the helpers may take to enter the pool before creation fails. */
    private static final int READY_TIMEOUT_MS = 10_000;

    private final NativeLibrary library;
    private final KernelSpec kernel;
    private MemorySegment pool;
    private MemorySegment bench;
    private int activeWorkers;
    /** Whether the library keeps the accounting: false once found built before it, or with PB_STATS=0. */
    private boolean accounting;

    private NativeBench(NativeLibrary library, KernelSpec kernel, MemorySegment pool, MemorySegment bench, int workers) {
        this.library = library;
        this.kernel = kernel;
        this.pool = pool;
        this.bench = bench;
        this.activeWorkers = workers;
        this.accounting = library.accounted();
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
        return new NativeBench(library, kernel, pool, bench, workers);
    }

    public KernelSpec kernel() {
        return kernel;
    }

    /** The pool's worker count W as the library reports it, whatever {@link #useWorkers(int)} chose. */
    public int workers() {
        requireOpen();
        return library.poolWorkers(pool);
    }

    /** How many of the pool's workers the steps run on: W, or the last {@link #useWorkers(int)}. */
    public int activeWorkers() {
        requireOpen();
        return activeWorkers;
    }

    /** Whether {@link #useWorkers(int)} can work: the library has pb_pool_use_workers. */
    public boolean resizable() {
        return library.resizable();
    }

    /**
     * From the next step on, steps run on {@code workers} of the pool's W workers, as on a pool of
     * that many (the same checksums); the other helpers park, asleep, until a later call takes
     * them back. Call it between steps, from the thread that steps.
     *
     * @throws NativeBenchException with the library's sentence if {@code workers} is outside 1..W
     * @throws NativeLibraryException if the library was built before pb_pool_use_workers
     *     ({@link #resizable()} is false)
     */
    @Override
    public void useWorkers(int workers) {
        requireOpen();
        if (library.poolUseWorkers(pool, workers) != 0) {
            throw library.lastFailure("pb_pool_use_workers");
        }
        activeWorkers = workers;
    }

    /**
     * Starts a window of the pool's accounting: call it between steps, right before the steps to
     * account (worker 0 counts as busy between steps too).
     *
     * @throws NativeBenchException if the library was built without it (PB_STATS=0)
     * @throws NativeLibraryException if the library was built before it ({@link NativeLibrary#accounted()})
     */
    public void resetStats() {
        requireOpen();
        if (library.poolStatsReset(pool) != 0) {
            throw library.lastFailure("pb_pool_stats_reset");
        }
    }

    /** What the pool's workers did since {@link #resetStats()} (or since the pool started). Between steps. */
    public PoolStats readStats() {
        requireOpen();
        long[] values = library.poolStatsRead(pool);
        if (values == null) {
            throw library.lastFailure("pb_pool_stats_read");
        }
        return PoolStats.of(values);
    }

    /**
     * {@link #resetStats()} for a timed block; a library without the accounting (built before it, or
     * with PB_STATS=0 to measure what it costs) is measured as it is, without one.
     */
    @Override
    public void resetAccount() {
        requireOpen();
        if (accounting && library.poolStatsReset(pool) != 0) {
            accounting = false;
        }
    }

    /** {@link #readStats()} of the workers in use, or null without the accounting. */
    @Override
    public PoolAccount readAccount() {
        if (!accounting) {
            return null;
        }
        PoolStats stats = readStats();
        List<PoolAccount.Worker> workers = stats.workers().stream().limit(activeWorkers)
                .map(w -> new PoolAccount.Worker(w.busyNs(), w.searchingNs(), w.asleepNs(), w.parkedNs(), w.steals(), w.failedSteals(),
                        w.sleeps(), w.wakeups(), w.wakeLatencyNs()))
                .toList();
        return new PoolAccount(PoolAccount.PB_POOL, stats.windowNs(), stats.workers().getFirst().regions(), workers);
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
