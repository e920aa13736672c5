package io.parbench.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JavaKernelsTest {
    private static final long SEED = 42;
    private static final int MAX_WORKERS = 8;
    private static final List<ForkJoinPool> POOLS = new ArrayList<>();

    @BeforeAll
    static void startPools() {
        for (int w = 1; w <= MAX_WORKERS; w++) {
            POOLS.add(WorkerPools.create(w));
        }
    }

    @AfterAll
    static void stopPools() {
        POOLS.forEach(ForkJoinPool::shutdownNow);
    }

    /** Tiny and odd sizes, plus sizes that cross each kernel's leaf and parallel grains. */
    static Stream<Arguments> kernelsAndSizes() {
        return Stream.of(KernelSpec.values()).flatMap(kernel -> sizesOf(kernel).map(size -> Arguments.of(kernel, size)));
    }

    private static Stream<Long> sizesOf(KernelSpec kernel) {
        return switch (kernel) {
            case NBODY -> Stream.of(1L, 2L, 3L, 33L, 257L, 1000L);
            case MANDELBROT -> Stream.of(1L, 2L, 3L, 17L, 64L, 257L);
            case FORKJOIN -> Stream.of(1L, 2L, 3L, 7L, 1024L, 10007L);
            case SERIAL, IMBALANCED -> Stream.of(1L, 2L, 3L, 4L, 5L, 7L, 1024L, 10007L);
            case SCAN -> Stream.of(1L, 2L, 3L, 16383L, 16384L, 16385L, 100_003L);
            default -> Stream.of(1L, 2L, 3L, 4095L, 4097L, 10007L, 100_003L);
        };
    }

    @ParameterizedTest(name = "{0} size {1}")
    @MethodSource("kernelsAndSizes")
    void everyVariantAndWorkerCountMatchesTheReference(KernelSpec kernel, long size) {
        long expected = ReferenceChecksums.of(kernel, size, SEED);
        for (String variant : JavaKernels.variants(kernel)) {
            for (ForkJoinPool pool : POOLS) {
                try (ParallelKernel k = JavaKernels.create(kernel, variant, size, SEED, pool)) {
                    k.step();
                    assertEquals(expected, k.checksum(), () -> kernel.id() + "/" + variant + " size " + size
                            + " W=" + pool.getParallelism());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KernelSpec.class)
    void checksumIsZeroBeforeTheFirstStepAndStableAcrossSteps(KernelSpec kernel) {
        long size = kernel == KernelSpec.MANDELBROT ? 100 : 5000;
        try (ParallelKernel k = JavaKernels.create(kernel, null, size, SEED, POOLS.get(1))) {
            assertEquals(0, k.checksum());
            k.step();
            long first = k.checksum();
            k.step();
            k.step();
            assertEquals(first, k.checksum());
            assertEquals(ReferenceChecksums.of(kernel, size, SEED), first);
        }
    }

    @Test
    void theSeedChangesTheInputButNotTheKernelsWithout() {
        Set<KernelSpec> withoutInput = EnumSet.of(KernelSpec.MANDELBROT, KernelSpec.FORKJOIN, KernelSpec.SERIAL, KernelSpec.IMBALANCED);
        for (KernelSpec kernel : KernelSpec.values()) {
            boolean seeded = !withoutInput.contains(kernel);
            boolean differs = ReferenceChecksums.of(kernel, 100, 1) != ReferenceChecksums.of(kernel, 100, 2);
            assertEquals(seeded, differs, kernel.id());
        }
    }

    @Test
    void forkjoinAddsUpTheMixedIndicesEvenWithMoreWorkersThanElements() {
        try (ParallelKernel k = JavaKernels.create(KernelSpec.FORKJOIN, null, 3, SEED, POOLS.get(7))) {
            k.step();
            // mix64(0) is 0; mix64(1) is 0x5692161d100b05e5.
            assertEquals(0x5692161d100b05e5L + SplitMix64.mix64(2), k.checksum());
        }
        // The value the C reference (bench-wasm/src/test/c/reference.c) computes.
        assertEquals(0xddd4e928c0d0b7ddL, ReferenceChecksums.of(KernelSpec.FORKJOIN, 1024, SEED));
        assertEquals(0, ReferenceChecksums.of(KernelSpec.FORKJOIN, 1, SEED));
    }

    /** imbalanced's split (KERNELS.md): W leaves covering [0, n), leaf 0 twice each other leaf (within rounding). */
    @Test
    void imbalancedGivesLeafZeroTwiceEachOtherLeaf() {
        long n = 9_000_001;
        for (int w = 1; w <= 8; w++) {
            long share = n / (w + 1);
            assertEquals(0, ImbalancedKernel.DOUBLE_FIRST.of(n, w, 0));
            assertEquals(n, ImbalancedKernel.DOUBLE_FIRST.of(n, w, w));
            assertEquals(w == 1 ? n : 2 * share, ImbalancedKernel.DOUBLE_FIRST.of(n, w, 1), 2, "leaf 0 at W=" + w);
            for (int k = 1; k < w; k++) {
                long leaf = ImbalancedKernel.DOUBLE_FIRST.of(n, w, k + 1) - ImbalancedKernel.DOUBLE_FIRST.of(n, w, k);
                assertEquals(share, leaf, 1, "leaf " + k + " at W=" + w);
            }
        }
    }

    @Test
    void onlyTheCalibrationKernelsStayOutOfTheDefaultSweep() {
        assertEquals(List.of(KernelSpec.SERIAL, KernelSpec.IMBALANCED),
                Stream.of(KernelSpec.values()).filter(k -> !KernelSpec.sweep().contains(k)).toList());
        assertTrue(KernelSpec.sweep().stream().allMatch(k -> k.role() == KernelSpec.Role.BENCHMARK));
    }

    @Test
    void mergeSortHandlesRunsOfEqualKeys() {
        SplitMix64 random = new SplitMix64(7);
        long[] keys = new long[100_003];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (long) (random.unit() * 10) - 5;
        }
        long[] expected = keys.clone();
        Arrays.sort(expected);
        for (ForkJoinPool pool : POOLS) {
            try (ParallelKernel k = new MergeSortKernel(keys.clone(), pool)) {
                k.step();
                assertEquals(SequenceHash.of(expected), k.checksum(), "W=" + pool.getParallelism());
            }
        }
    }

    @Test
    void onlySortHasAJdkVariant() {
        for (KernelSpec kernel : KernelSpec.values()) {
            List<String> expected = kernel == KernelSpec.SORT
                    ? List.of(JavaKernels.DEFAULT_VARIANT, JavaKernels.JDK_VARIANT)
                    : List.of(JavaKernels.DEFAULT_VARIANT);
            assertEquals(expected, JavaKernels.variants(kernel));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JavaKernels.create(KernelSpec.SUM, "jdk", 10, SEED, POOLS.get(0)));
        assertEquals("kernel sum has no variant 'jdk': use one of [default].", e.getMessage());
    }

    @Test
    void badSizesAreRejectedWithWhatToDo() {
        ForkJoinPool pool = POOLS.get(0);
        assertEquals("size 0 of kernel sum is below 1: use a positive number of elements.",
                assertThrows(IllegalArgumentException.class, () -> JavaKernels.create(KernelSpec.SUM, null, 0, SEED, pool))
                        .getMessage());
        assertEquals("size -5 of kernel nbody is below 1: use a positive number of bodies.",
                assertThrows(IllegalArgumentException.class, () -> ReferenceChecksums.of(KernelSpec.NBODY, -5, SEED))
                        .getMessage());
        assertEquals("size 50000 of kernel mandelbrot needs an array of 2500000000 elements, more than a Java array"
                        + " holds (2147483639): use a smaller size.",
                assertThrows(IllegalArgumentException.class,
                        () -> JavaKernels.create(KernelSpec.MANDELBROT, null, 50_000, SEED, pool)).getMessage());
        String heap = assertThrows(IllegalArgumentException.class,
                () -> JavaKernels.create(KernelSpec.SORT, null, 1L << 30, SEED, pool)).getMessage();
        assertTrue(heap.startsWith("size 1073741824 of kernel sort needs 24576 MiB of arrays but this JVM's heap is at most "),
                heap);
        assertTrue(heap.endsWith(" MiB: use a smaller size or raise the heap (-Xmx)."), heap);
    }

    @Test
    void badWorkerCountsAreRejectedWithWhatToDo() {
        assertEquals("worker count 0 is out of range: use 1 to 1024 workers.",
                assertThrows(IllegalArgumentException.class, () -> WorkerPools.create(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WorkerPools.create(1025));
        assertEquals(MAX_WORKERS, POOLS.get(MAX_WORKERS - 1).getParallelism());
    }

    @Test
    void sizesParseAsProfilesOrNumbers() {
        assertEquals(512, KernelSizes.parse(KernelSpec.NBODY, "quick"));
        assertEquals(1L << 24, KernelSizes.parse(KernelSpec.SUM, "DEFAULT"));
        assertEquals(1000, KernelSizes.parse(KernelSpec.SORT, " 1000 "));
        assertEquals("size 'big' of kernel sort is neither a number nor a profile: use a positive integer or quick,"
                        + " default or full.",
                assertThrows(IllegalArgumentException.class, () -> KernelSizes.parse(KernelSpec.SORT, "big")).getMessage());
        assertEquals(1L << 40, KernelSizes.parse(KernelSpec.SORT, "1099511627776"), "the engine judges the number");
    }

    @Test
    void aClosedKernelRefusesToStep() {
        ParallelKernel k = JavaKernels.create(KernelSpec.AXPY, null, 10, SEED, POOLS.get(0));
        k.close();
        assertEquals("the axpy kernel was closed: create a new one to run more steps.",
                assertThrows(IllegalStateException.class, k::step).getMessage());
    }
}
