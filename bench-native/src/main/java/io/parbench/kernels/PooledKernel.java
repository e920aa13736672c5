package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * What every Java kernel shares: a step is one task run on the caller's pool. Kernels read the
 * worker count when they make a step's task, so the pool may be resized between steps.
 */
abstract class PooledKernel implements ParallelKernel {
    private final KernelSpec kernel;
    private final ForkJoinPool pool;
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

    @Override
    public final void step() {
        if (closed) {
            throw new IllegalStateException("the " + kernel.id() + " kernel was closed: create a new one to run more steps.");
        }
        ForkJoinTask<?> task = newStep();
        if (ForkJoinTask.getPool() == pool) {
            // A worker of the pool steps, as the C library's caller is worker 0: the step runs
            // here and only its forks go to the other workers, with no hand-over to wake a worker
            // and wait for it (~2 context switches, tens of µs per step: bench-native/README.md).
            task.invoke();
        } else {
            pool.invoke(task);
        }
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
