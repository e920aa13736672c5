package io.parbench.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real C library against the Java reference: the two implementations of KERNELS.md must agree. */
class NativeBenchTest {
    private static final long SEED = 42;

    static Stream<Arguments> kernelsAndSizes() {
        return Stream.of(KernelSpec.values()).flatMap(kernel -> sizesOf(kernel).map(size -> Arguments.of(kernel, size)));
    }

    private static Stream<Long> sizesOf(KernelSpec kernel) {
        return switch (kernel) {
            case NBODY -> Stream.of(1L, 3L, 257L);
            case MANDELBROT -> Stream.of(1L, 3L, 67L);
            default -> Stream.of(1L, 3L, 4097L, 100_003L);
        };
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("kernelsAndSizes")
    void everyWorkerCountMatchesTheJavaReference(KernelSpec kernel, long size) {
        long expected = ReferenceChecksums.of(kernel, size, SEED);
        for (int workers = 1; workers <= 4; workers++) {
            try (NativeBench bench = NativeBench.create(kernel, size, SEED, workers)) {
                assertEquals(workers, bench.workers());
                assertEquals(0, bench.checksum());
                bench.step();
                assertEquals(expected, bench.checksum(), kernel.id() + " size " + size + " W=" + workers);
            }
        }
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("kernelsAndSizes")
    void oneBenchMatchesTheJavaReferenceAtEveryWorkerCountOfItsPool(KernelSpec kernel, long size) {
        long expected = ReferenceChecksums.of(kernel, size, SEED);
        try (NativeBench bench = NativeBench.create(kernel, size, SEED, 4)) {
            assertTrue(bench.resizable());
            assertEquals(4, bench.activeWorkers());
            for (int workers : new int[] {1, 2, 3, 4, 3, 1, 2}) {
                bench.useWorkers(workers);
                bench.step();
                assertEquals(expected, bench.checksum(), kernel.id() + " size " + size + " at " + workers + " of 4 workers");
                assertEquals(workers, bench.activeWorkers());
                assertEquals(4, bench.workers());
            }
        }
    }

    @Test
    void aWorkerCountBeyondThePoolFailsWithTheLibrarysSentence() {
        try (NativeBench bench = NativeBench.create(KernelSpec.SUM, 10, SEED, 3)) {
            for (int workers : new int[] {0, 4}) {
                NativeBenchException e = assertThrows(NativeBenchException.class, () -> bench.useWorkers(workers));
                assertEquals("pb_pool_use_workers", e.function());
                assertEquals("PB_ERR_WORKERS", e.statusName());
                assertEquals("a pool of 3 workers can use 1 to 3 of them but " + workers + " were asked for; pass a count"
                        + " in that range, or create the pool with the largest count you will use", e.getMessage());
            }
            assertEquals(3, bench.activeWorkers());
        }
    }

    @Test
    void quickSizesMatchTheJavaReference() {
        for (KernelSpec kernel : KernelSpec.values()) {
            long size = kernel.defaultSize(KernelSpec.Profile.QUICK);
            try (NativeBench bench = NativeBench.create(kernel, size, SEED, 2)) {
                bench.step();
                bench.step();
                assertEquals(ReferenceChecksums.of(kernel, size, SEED), bench.checksum(), kernel.id());
            }
        }
    }

    @Test
    void sizeZeroFailsWithTheLibrarysSentence() {
        NativeBenchException e = assertThrows(NativeBenchException.class, () -> NativeBench.create(KernelSpec.SUM, 0, SEED, 2));
        assertEquals("pb_bench_create", e.function());
        assertEquals("PB_ERR_SIZE", e.statusName());
        assertTrue(e.getMessage().startsWith("kernel sum got size 0"), e.getMessage());
    }

    @Test
    void zeroWorkersFailWithTheLibrarysSentence() {
        NativeBenchException e = assertThrows(NativeBenchException.class, () -> NativeBench.create(KernelSpec.SUM, 10, SEED, 0));
        assertEquals("pb_pool_create", e.function());
        assertEquals(4, e.status());
        assertTrue(e.getMessage().startsWith("a pool needs 1 to 1024 workers but 0 were asked for"), e.getMessage());
    }

    @Test
    void aSizeBeyondMemoryFailsWithTheLibrarysSentence() {
        NativeBenchException e = assertThrows(NativeBenchException.class,
                () -> NativeBench.create(KernelSpec.SORT, 1L << 60, SEED, 1));
        assertTrue(e.getMessage().startsWith("kernel sort "), e.getMessage());
        assertTrue(e.getMessage().contains("use a smaller size"), e.getMessage());
    }

    @Test
    void theAccountingCountsRegionsAndLeavesOneWorkerAlone() {
        try (NativeBench bench = NativeBench.create(KernelSpec.FORKJOIN, 4096, SEED, 4)) {
            assertTrue(NativeLibrary.load().accounted());
            for (int workers : new int[] {1, 2, 4}) {
                bench.useWorkers(workers);
                bench.step();
                bench.resetStats();
                for (int i = 0; i < 10; i++) {
                    bench.step();
                }
                PoolStats stats = bench.readStats();
                String at = "forkjoin at " + workers + " of 4: ";
                assertEquals(workers, stats.active());
                assertEquals(4, stats.workers().size());
                PoolStats.Worker zero = stats.workers().getFirst();
                // forkjoin joins its W leaves once a step from two workers on; at one, its only leaf needs none.
                assertEquals(workers == 1 ? 0 : 10, zero.regions(), at + "regions");
                for (PoolStats.Worker worker : stats.workers()) {
                    long sum = worker.busyNs() + worker.searchingNs() + worker.asleepNs() + worker.parkedNs();
                    assertTrue(sum >= stats.windowNs() && sum < stats.windowNs() + 1_000_000, at + worker + " in " + stats);
                }
                if (workers == 1) {
                    assertEquals(new PoolStats.Worker(stats.windowNs(), 0, 0, 0, 0, 0, 0, 0, 0, 0), zero, at + "worker 0");
                    for (PoolStats.Worker helper : stats.workers().subList(1, 4)) {
                        assertEquals(stats.windowNs(), helper.parkedNs(), at + "a helper not parked all along");
                    }
                }
            }
        }
    }

    @Test
    void aClosedBenchRefusesToStepAndClosesOnce() {
        NativeBench bench = NativeBench.create(KernelSpec.FORKJOIN, 1024, SEED, 2);
        bench.close();
        bench.close();
        assertEquals("the native forkjoin bench was closed: create a new one.",
                assertThrows(IllegalStateException.class, bench::step).getMessage());
        assertThrows(IllegalStateException.class, () -> bench.useWorkers(1));
        assertThrows(IllegalStateException.class, bench::readStats);
    }
}
