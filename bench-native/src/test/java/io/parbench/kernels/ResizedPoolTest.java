package io.parbench.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A curve in one JVM: one kernel instance on one pool, resized to each worker count. */
class ResizedPoolTest {
    private static final long SEED = 42;
    private static final Pattern POOL_THREAD = Pattern.compile("parbench-pool(\\d+)-worker\\d+");

    @ParameterizedTest
    @EnumSource(KernelSpec.class)
    void everyWorkerCountInAnyOrderComputesTheReference(KernelSpec kernel) {
        long size = oddSize(kernel);
        long expected = ReferenceChecksums.of(kernel, size, SEED);
        for (String variant : JavaKernels.variants(kernel)) {
            try (ResizableKernel k = JavaKernels.resizable(kernel, variant, size, SEED, List.of(4, 1, 3, 2))) {
                for (int workers : new int[] {4, 1, 3, 2, 2, 3, 1, 4}) {
                    k.useWorkers(workers);
                    k.step();
                    assertEquals(expected, k.checksum(), () -> kernel.id() + "/" + variant + " W=" + workers);
                }
            }
        }
    }

    /**
     * A prime, so that no worker count splits the work evenly: 10,007 elements; nbody's work grows
     * with the square of its bodies, so 1,009 of them (10,007 took 19 s of the suite); mandelbrot's
     * side (its work the square too) 64.
     */
    private static long oddSize(KernelSpec kernel) {
        return switch (kernel) {
            case MANDELBROT -> 64;
            case NBODY -> 1_009;
            default -> 10_007;
        };
    }

    @Test
    void aCountItHasNoPoolForIsRefused() {
        try (ResizableKernel k = JavaKernels.resizable(KernelSpec.SUM, null, 100, SEED, List.of(1, 2))) {
            assertEquals("this kernel runs on [1, 2] workers, not 3: create it with every worker count it will run on.",
                    assertThrows(IllegalArgumentException.class, () -> k.useWorkers(3)).getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> JavaKernels.resizable(KernelSpec.SUM, null, 100, SEED, List.of(1, 1025)));
    }

    /**
     * W = 1 after W = 4 behaves as a pool of one: the other three workers are parked while it
     * runs. Compared in CPU time with the thread that does the work, so a busy machine (which
     * slows everyone alike) cannot make a spinning worker look parked, nor a parked one spinning.
     */
    @Test
    void theIdleWorkersSleepWhileOneWorkerRuns() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ResizableKernel k = JavaKernels.resizable(KernelSpec.NBODY, null, 256, SEED, List.of(1, 4))) {
            k.useWorkers(4);
            for (int i = 0; i < 20; i++) {
                k.step();
            }
            k.useWorkers(1);
            k.step();
            Map<Long, String> workers = poolWorkers(newestPool());
            Map<Long, Long> before = cpuTimes(threads, workers.keySet());
            long started = System.nanoTime();
            while (System.nanoTime() - started < 300_000_000L) {
                k.step();
            }
            Map<Long, Long> after = cpuTimes(threads, workers.keySet());
            List<Long> used = workers.keySet().stream().map(id -> after.get(id) - before.get(id)).sorted().toList();
            assertEquals(4, used.size(), "the pool's workers after W = 4");
            long busiest = used.get(3);
            assertTrue(busiest > 0, "one worker ran the W = 1 steps");
            assertTrue(used.get(2) < busiest / 20, "an idle worker used " + used.get(2) / 1e6 + " ms of CPU while the one"
                    + " running the steps used " + busiest / 1e6 + " ms");
        }
    }

    /**
     * The jvm engine's fork steps from a worker of the kernel's pool: at W = 1 that worker runs
     * the steps itself, so the pool never starts a second thread, and the checksums are the reference.
     */
    @ParameterizedTest
    @EnumSource(KernelSpec.class)
    void aWorkerOfThePoolStepsWithoutHandingOver(KernelSpec kernel) throws Exception {
        long size = oddSize(kernel);
        long expected = ReferenceChecksums.of(kernel, size, SEED);
        for (String variant : JavaKernels.variants(kernel)) {
            WorkerPools.Pool pool = new WorkerPools.Pool(1);
            try {
                pool.submit(() -> {
                    try (ResizableKernel k = JavaKernels.resizable(kernel, variant, size, SEED, List.of(1, 2), pool)) {
                        for (int i = 0; i < 50; i++) {
                            k.step();
                            assertEquals(expected, k.checksum(), () -> kernel.id() + "/" + variant + " W=1");
                        }
                        assertEquals(1, pool.getPoolSize(), "threads the pool started for W = 1 steps from its own worker");
                        k.useWorkers(2);
                        k.step();
                        assertEquals(expected, k.checksum(), () -> kernel.id() + "/" + variant + " W=2");
                    }
                    return null;
                }).get();
                assertFalse(pool.isShutdown(), "closing the kernel leaves the caller's pool running");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void eachWorkerThreadHasItsOwnName() throws Exception {
        WorkerPools.Pool pool = new WorkerPools.Pool(3);
        try {
            CountDownLatch all = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                pool.execute(() -> {
                    all.countDown();
                    try {
                        all.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            all.await();
            List<String> names = pool.threads().stream().map(Thread::getName).sorted().toList();
            String prefix = names.getFirst().substring(0, names.getFirst().lastIndexOf("worker"));
            assertTrue(POOL_THREAD.matcher(names.getFirst()).matches(), names.toString());
            assertEquals(List.of(prefix + "worker0", prefix + "worker1", prefix + "worker2"), names);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The number of the pool made last in this JVM (pools are numbered as made). */
    private static String newestPool() {
        return Thread.getAllStackTraces().keySet().stream().map(t -> POOL_THREAD.matcher(t.getName())).filter(Matcher::matches)
                .map(m -> m.group(1)).max(Comparator.comparingInt(Integer::parseInt)).orElseThrow();
    }

    /** The live workers of pool number {@code pool}: thread id and name. */
    private static Map<Long, String> poolWorkers(String pool) {
        Map<Long, String> workers = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            Matcher m = POOL_THREAD.matcher(thread.getName());
            if (m.matches() && m.group(1).equals(pool)) {
                workers.put(thread.threadId(), thread.getName());
            }
        }
        return workers;
    }

    private static Map<Long, Long> cpuTimes(ThreadMXBean threads, Iterable<Long> ids) {
        Map<Long, Long> times = new HashMap<>();
        for (long id : ids) {
            times.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return times;
    }
}
