package io.parbench.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Fork-join pools of exactly W workers, the Java counterpart of the C library's pb_pool. */
public final class WorkerPools {
    /** The same limit as the C library's PB_MAX_WORKERS. */
    public static final int MAX_WORKERS = 1024;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private WorkerPools() {}

    /**
     * A pool of exactly {@code workers} threads: it never adds threads to compensate for
     * blocked joins (a join helps or waits instead), so W means W. Idle workers stay parked for
     * an hour rather than ending: a JVM measuring a curve leaves each pool idle between its
     * blocks, and a worker replaced in a later block would have its start-up timed there.
     */
    public static ForkJoinPool create(int workers) {
        return create(workers, thread -> {});
    }

    /** {@link #create(int)}, telling {@code started} of each worker thread the pool makes (from the thread making it). */
    static ForkJoinPool create(int workers, Consumer<ForkJoinWorkerThread> started) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("worker count " + workers + " is out of range: use 1 to "
                    + MAX_WORKERS + " workers.");
        }
        String prefix = "parbench-pool" + POOLS.incrementAndGet() + "-worker";
        return new ForkJoinPool(workers, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(prefix + thread.getPoolIndex());
            started.accept(thread);
            return thread;
        }, null, false, 0, workers, 1, pool -> true, 1, TimeUnit.HOURS);
    }
}
