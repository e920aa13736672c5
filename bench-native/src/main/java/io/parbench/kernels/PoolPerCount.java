package io.parbench.kernels;

import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * A Java kernel measuring a curve in one JVM: a {@link WorkerPools pool of exactly W workers} for
 * each worker count, the kernel's steps on the pool of the count in use. W = 1 is a pool of one;
 * the other pools have no work, so their workers are parked, not spinning.
 */
final class PoolPerCount implements ResizableKernel {
    private final PooledKernel kernel;
    private final Map<Integer, ForkJoinPool> pools;
    private final Map<Integer, ForkJoinAccount> accounts;
    private int inUse;

    private PoolPerCount(PooledKernel kernel, Map<Integer, ForkJoinPool> pools, Map<Integer, ForkJoinAccount> accounts) {
        this.kernel = kernel;
        this.pools = pools;
        this.accounts = accounts;
        this.inUse = pools.keySet().iterator().next();
    }

    /** The kernel made by {@code create} on the smallest count's pool, with a pool for every count. */
    static PoolPerCount of(Collection<Integer> workers, Function<ForkJoinPool, PooledKernel> create) {
        SortedSet<Integer> counts = new TreeSet<>(workers);
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("a curve needs at least one worker count");
        }
        Map<Integer, ForkJoinPool> pools = new TreeMap<>();
        Map<Integer, ForkJoinAccount> accounts = new TreeMap<>();
        try {
            for (int w : counts) {
                ForkJoinAccount account = new ForkJoinAccount(w);
                pools.put(w, WorkerPools.create(w, account::started));
                account.pool(pools.get(w));
                accounts.put(w, account);
            }
            return new PoolPerCount(create.apply(pools.get(counts.first())), pools, accounts);
        } catch (RuntimeException | Error e) {
            pools.values().forEach(ForkJoinPool::shutdownNow);
            throw e;
        }
    }

    @Override
    public void useWorkers(int workers) {
        ForkJoinPool pool = pools.get(workers);
        if (pool == null) {
            throw new IllegalArgumentException("this kernel has pools of " + pools.keySet() + " workers, not " + workers
                    + ": create it with every worker count it will run on.");
        }
        kernel.runOn(pool);
        inUse = workers;
    }

    /** The {@link ForkJoinAccount} of the pool in use. */
    @Override
    public void resetAccount() {
        accounts.get(inUse).reset();
    }

    @Override
    public PoolAccount readAccount() {
        return accounts.get(inUse).read();
    }

    @Override
    public void step() {
        kernel.step();
    }

    @Override
    public long checksum() {
        return kernel.checksum();
    }

    /** Closes the kernel and stops every pool's workers. */
    @Override
    public void close() {
        kernel.close();
        pools.values().forEach(ForkJoinPool::shutdownNow);
    }
}
