package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * What every Java kernel shares: a step is one task invoked on the caller's pool. Kernels read the
 * worker count when they make a step's task, so the pool may change between steps.
 */
abstract class PooledKernel implements ParallelKernel {
    private final KernelSpec kernel;
    private ForkJoinPool pool;
    private boolean stepped;
    private boolean closed;

    PooledKernel(KernelSpec kernel, ForkJoinPool pool) {
        this.kernel = kernel;
        this.pool = pool;
    }

    /** The task computing one step's output from the unchanged input. */
    abstract ForkJoinTask<?> newStep();

    /** The checksum of the output the last step left behind. */
    abstract long outputChecksum();

    /** Number of workers of the pool this kernel runs on. */
    final int workers() {
        return pool.getParallelism();
    }

    /** Runs the following steps on {@code other} (a curve measured in one JVM: see {@link PoolPerCount}). */
    final void runOn(ForkJoinPool other) {
        pool = other;
    }

    @Override
    public final void step() {
        if (closed) {
            throw new IllegalStateException("the " + kernel.id() + " kernel was closed: create a new one to run more steps.");
        }
        pool.invoke(newStep());
        stepped = true;
    }

    @Override
    public final long checksum() {
        return stepped ? outputChecksum() : 0;
    }

    /** Marks the instance closed; its arrays go with it when the caller drops it. The pool stays the caller's. */
    @Override
    public void close() {
        closed = true;
    }
}
