package io.parbench.kernels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The accounting of one {@link WorkerPools pool of W workers} ({@value PoolAccount#FORKJOIN}): per
 * worker thread, the CPU time it got in the window (ThreadMXBean) as its busy time, and the growth
 * of the pool's steal count. ForkJoinPool counts steals per pool only, so they are all on worker 0,
 * and it counts every task run by a thread other than its submitter, so each step's task
 * (submitted by the thread that steps) is one of them: W = 1 shows one steal per step. The other
 * fields are null. The workers are the pool's threads in the order they started (the thread that
 * steps only submits a step and waits, so it is none of them), padded with idle ones to W where
 * the pool has not started all of its threads. Reading it costs a CPU clock reading per thread.
 */
final class ForkJoinAccount {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int workers;
    private final List<ForkJoinWorkerThread> threads = new CopyOnWriteArrayList<>();
    private ForkJoinPool pool;
    private final Map<Long, Long> cpuAtReset = new HashMap<>();
    private long stealsAtReset;
    private long resetAt;

    ForkJoinAccount(int workers) {
        this.workers = workers;
    }

    /** The pool accounted, whose threads were told to {@link #started}. */
    void pool(ForkJoinPool accounted) {
        pool = accounted;
    }

    /** Called by the pool's thread factory for each thread it makes. */
    void started(ForkJoinWorkerThread thread) {
        threads.add(thread);
    }

    void reset() {
        cpuAtReset.clear();
        for (ForkJoinWorkerThread thread : threads) {
            cpuAtReset.put(thread.threadId(), cpuTime(thread));
        }
        stealsAtReset = pool.getStealCount();
        resetAt = System.nanoTime();
    }

    PoolAccount read() {
        long window = System.nanoTime() - resetAt;
        long steals = pool.getStealCount() - stealsAtReset;
        List<PoolAccount.Worker> accounted = new ArrayList<>();
        for (ForkJoinWorkerThread thread : threads) {
            long busy = Math.max(0, cpuTime(thread) - cpuAtReset.getOrDefault(thread.threadId(), 0L));
            accounted.add(worker(busy, accounted.isEmpty() ? steals : null));
        }
        while (accounted.size() < workers) {
            accounted.add(worker(0, accounted.isEmpty() ? steals : null));
        }
        return new PoolAccount(PoolAccount.FORKJOIN, window, null, accounted);
    }

    private static PoolAccount.Worker worker(long busyNs, Long steals) {
        return new PoolAccount.Worker(busyNs, null, null, null, steals, null, null, null, null);
    }

    /** A thread's CPU time so far; 0 for one that has ended (then its time is lost, which an hour's keep-alive avoids). */
    private static long cpuTime(Thread thread) {
        return Math.max(0, THREADS.getThreadCpuTime(thread.threadId()));
    }
}
