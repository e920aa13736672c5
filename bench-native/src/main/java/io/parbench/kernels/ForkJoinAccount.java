package io.parbench.kernels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The accounting of a {@link WorkerPools.Pool} ({@value PoolAccount#FORKJOIN}) at its parallelism
 * W: per worker thread, the CPU time it got in the window (ThreadMXBean) as its busy time, and the
 * growth of the pool's steal count. ForkJoinPool counts steals per pool only, so they are all on
 * worker 0. The other fields are null. Worker 0 is the thread that reads it when that thread is
 * one of the pool's (the jvm engine's stepping thread), then the others, busiest first, W in all
 * (padded with idle ones where the pool has started fewer; a resized pool's threads beyond W stay
 * parked). Reading it costs a CPU clock reading per thread.
 */
final class ForkJoinAccount {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final WorkerPools.Pool pool;
    private final Map<Long, Long> cpuAtReset = new HashMap<>();
    private long stealsAtReset;
    private long resetAt;

    ForkJoinAccount(WorkerPools.Pool pool) {
        this.pool = pool;
    }

    void reset() {
        cpuAtReset.clear();
        for (ForkJoinWorkerThread thread : pool.threads()) {
            cpuAtReset.put(thread.threadId(), cpuTime(thread));
        }
        stealsAtReset = pool.getStealCount();
        resetAt = System.nanoTime();
    }

    PoolAccount read() {
        long window = System.nanoTime() - resetAt;
        long steals = pool.getStealCount() - stealsAtReset;
        long reader = Thread.currentThread().threadId();
        Map<Long, Long> busy = new HashMap<>();
        for (ForkJoinWorkerThread thread : pool.threads()) {
            busy.put(thread.threadId(), Math.max(0, cpuTime(thread) - cpuAtReset.getOrDefault(thread.threadId(), 0L)));
        }
        List<Long> order = new ArrayList<>(busy.keySet());
        order.sort(Comparator.comparing((Long id) -> id != reader).thenComparing(id -> -busy.get(id)));
        List<PoolAccount.Worker> accounted = new ArrayList<>();
        for (int w = 0; w < pool.getParallelism(); w++) {
            accounted.add(worker(w < order.size() ? busy.get(order.get(w)) : 0, w == 0 ? steals : null));
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
