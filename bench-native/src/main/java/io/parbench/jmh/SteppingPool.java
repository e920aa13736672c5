package io.parbench.jmh;

import io.parbench.kernels.WorkerPools;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The jvm engine's JMH executor ({@link ForkFlags#STEPPING_EXECUTOR}, {@link
 * ForkFlags#STEPPING_EXECUTOR_CLASS}): JMH runs its benchmark thread's iterations as tasks of a
 * {@link Workers} pool, and the kernel runs on the same pool, so the thread that times the steps
 * is one of the W workers and forks each step's tasks from there, as the C library's caller is
 * its pool's worker 0. From a thread outside the pool, every step would be handed to a parked
 * worker and waited for (bench-native/README.md). An executor around the pool rather than the
 * pool itself, so that a failing iteration reaches JMH with its own exception, not a copy.
 */
public final class SteppingPool extends AbstractExecutorService {
    /** The pool of a stepping thread, which the kernel it steps runs on. */
    static final class Workers extends WorkerPools.Pool {
        Workers(int threads) {
            super(threads);
        }
    }

    private final Workers workers;

    /** JMH's constructor: {@code threads} benchmark threads (parbench runs one). */
    public SteppingPool(int threads, String prefix) {
        workers = new Workers(threads);
    }

    @Override
    public void execute(Runnable command) {
        workers.execute(command);
    }

    @Override
    public void shutdown() {
        workers.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return workers.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return workers.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return workers.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return workers.awaitTermination(timeout, unit);
    }
}
