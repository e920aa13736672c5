package io.parbench.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A curve in one JVM: one kernel instance, a pool per worker count. */
class PoolPerCountTest {
    private static final long SEED = 42;
    private static final Pattern POOL_THREAD = Pattern.compile("parbench-pool(\\d+)-worker\\d+");

    @ParameterizedTest
    @EnumSource(KernelSpec.class)
    void everyWorkerCountInAnyOrderComputesTheReference(KernelSpec kernel) {
        long size = kernel == KernelSpec.MANDELBROT ? 64 : 10_007;
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

    @Test
    void aCountItHasNoPoolForIsRefused() {
        try (ResizableKernel k = JavaKernels.resizable(KernelSpec.SUM, null, 100, SEED, List.of(1, 2))) {
            assertEquals("this kernel has pools of [1, 2] workers, not 3: create it with every worker count it will run on.",
                    assertThrows(IllegalArgumentException.class, () -> k.useWorkers(3)).getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> JavaKernels.resizable(KernelSpec.SUM, null, 100, SEED, List.of(1, 1025)));
    }

    /**
     * W = 1 after W = 4 behaves as a pool of one: the larger pool's workers are parked while it
     * runs. Compared in CPU time with the thread that does the work, so a busy machine (which
     * slows everyone alike) cannot make a spinning worker look parked, nor a parked one spinning.
     */
    @Test
    void theIdlePoolsWorkersSleepWhileOneWorkerRuns() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ResizableKernel k = JavaKernels.resizable(KernelSpec.NBODY, null, 256, SEED, List.of(1, 4))) {
            k.useWorkers(4);
            for (int i = 0; i < 20; i++) {
                k.step();
            }
            k.useWorkers(1);
            k.step();
            Map<Long, String> workers = poolWorkers();
            int largest = workers.values().stream().mapToInt(Integer::parseInt).max().orElseThrow();
            Map<Long, Long> before = cpuTimes(threads, workers.keySet());
            long mineBefore = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            while (System.nanoTime() - started < 300_000_000L) {
                k.step();
            }
            Map<Long, Long> after = cpuTimes(threads, workers.keySet());
            long onePool = threads.getCurrentThreadCpuTime() - mineBefore;
            long idleMost = 0;
            // The pools are numbered as made, smallest count first: the pool of one, then the pool of 4.
            for (Map.Entry<Long, String> worker : workers.entrySet()) {
                long used = after.get(worker.getKey()) - before.get(worker.getKey());
                int pool = Integer.parseInt(worker.getValue());
                if (pool == largest) {
                    idleMost = Math.max(idleMost, used);
                } else if (pool == largest - 1) {
                    onePool += used;
                }
            }
            assertTrue(onePool > 0, "the W = 1 pool ran the steps");
            assertTrue(idleMost < onePool / 20, "an idle worker of the pool of 4 used " + idleMost / 1e6 + " ms of CPU while the pool of"
                    + " one used " + onePool / 1e6 + " ms");
        }
    }

    /** The live pool workers' thread ids, with their pool's number. */
    private static Map<Long, String> poolWorkers() {
        Map<Long, String> workers = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            Matcher m = POOL_THREAD.matcher(thread.getName());
            if (m.matches()) {
                workers.put(thread.threadId(), m.group(1));
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
