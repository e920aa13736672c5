package io.parbench.kernels;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Fork-join pools of exactly W workers, the Java counterpart of the C library's pb_pool. */
public final class WorkerPools {
    /** The same limit as the C library's PB_MAX_WORKERS. */
    public static final int MAX_WORKERS = 1024;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private WorkerPools() {}

    /** A pool of exactly {@code workers} threads (see {@link Pool}). */
    public static ForkJoinPool create(int workers) {
        return new Pool(workers);
    }

    /**
     * A pool of exactly W threads: it never adds threads to compensate for blocked joins (a join
     * helps or waits instead), so W means W, also after {@link ForkJoinPool#setParallelism} (the
     * pool keeps no spare threads above its parallelism). Idle workers stay parked for an hour
     * rather than ending: a JVM measuring a curve leaves workers idle between its blocks, and a
     * worker replaced in a later block would have its start-up timed there. Its workers are named
     * parbench-pool&lt;n&gt;-worker&lt;k&gt;.
     */
    public static class Pool extends ForkJoinPool {
        private final List<ForkJoinWorkerThread> threads;

        public Pool(int workers) {
            this(workers, new CopyOnWriteArrayList<>());
        }

        private Pool(int workers, List<ForkJoinWorkerThread> threads) {
            super(requireValid(workers), namedWorkers(threads), null, false, 0, workers, 1, pool -> true, 1, TimeUnit.HOURS);
            this.threads = threads;
        }

        /** The worker threads it has started, in that order (for its accounting: {@link ForkJoinAccount}). */
        public List<ForkJoinWorkerThread> threads() {
            return List.copyOf(threads);
        }
    }

    /**
     * Names each worker thread by the order it was started in and adds it to {@code started} (a
     * thread's pool index is assigned only when it registers, after the factory returns it).
     */
    private static ForkJoinPool.ForkJoinWorkerThreadFactory namedWorkers(List<ForkJoinWorkerThread> started) {
        String prefix = "parbench-pool" + POOLS.incrementAndGet() + "-worker";
        AtomicInteger count = new AtomicInteger();
        return pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(prefix + count.getAndIncrement());
            started.add(thread);
            return thread;
        };
    }

    /** {@code workers}, if a pool can have that many. */
    static int requireValid(int workers) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("worker count " + workers + " is out of range: use 1 to "
                    + MAX_WORKERS + " workers.");
        }
        return workers;
    }
}
