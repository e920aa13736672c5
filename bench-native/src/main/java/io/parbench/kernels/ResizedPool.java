package io.parbench.kernels;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * A Java kernel measuring a curve in one JVM: one {@link WorkerPools.Pool pool} whose parallelism
 * is set to the count in use ({@link ForkJoinPool#setParallelism}). At most W of its workers run
 * at a time; the others stay parked, not spinning. The pool is either the kernel's own (made for
 * it, stopped when it closes) or the caller's, when the thread that steps is one of its workers
 * (the jvm engine's JMH fork: {@link PooledKernel#step}).
 */
final class ResizedPool implements ResizableKernel {
    private final PooledKernel kernel;
    private final ForkJoinPool pool;
    private final SortedSet<Integer> counts;
    private final boolean owned;
    /** Null for a pool other than parbench's (whose threads it cannot list). */
    private final ForkJoinAccount account;

    private ResizedPool(PooledKernel kernel, ForkJoinPool pool, SortedSet<Integer> counts, boolean owned) {
        this.kernel = kernel;
        this.pool = pool;
        this.counts = counts;
        this.owned = owned;
        this.account = pool instanceof WorkerPools.Pool ours ? new ForkJoinAccount(ours) : null;
    }

    /**
     * The kernel made by {@code create} on {@code pool} (null: a pool of its own), running at the
     * smallest of {@code workers}.
     */
    static ResizedPool of(Collection<Integer> workers, ForkJoinPool pool, Function<ForkJoinPool, PooledKernel> create) {
        SortedSet<Integer> counts = new TreeSet<>(workers);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("a curve needs at least one worker count");
        }
        counts.forEach(WorkerPools::requireValid);
        ForkJoinPool chosen = pool == null ? WorkerPools.create(counts.first()) : pool;
        try {
            chosen.setParallelism(counts.first());
            return new ResizedPool(create.apply(chosen), chosen, counts, pool == null);
        } catch (RuntimeException | Error e) {
            if (pool == null) {
                chosen.shutdownNow();
            }
            throw e;
        }
    }

    @Override
    public void useWorkers(int workers) {
        if (!counts.contains(workers)) {
            throw new IllegalArgumentException("this kernel runs on " + counts + " workers, not " + workers
                    + ": create it with every worker count it will run on.");
        }
        pool.setParallelism(workers);
    }

    @Override
    public void resetAccount() {
        if (account != null) {
            account.reset();
        }
    }

    @Override
    public PoolAccount readAccount() {
        return account == null ? null : account.read();
    }

    @Override
    public void step() {
        kernel.step();
    }

    @Override
    public long checksum() {
        return kernel.checksum();
    }

    /** Closes the kernel, and stops the pool's workers if the pool is the kernel's own. */
    @Override
    public void close() {
        kernel.close();
        if (owned) {
            pool.shutdownNow();
        }
    }
}
