package io.parbench.ffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltLibraryLoadsWithTheExpectedAbi() {
        NativeLibrary library = NativeLibrary.load();
        assertEquals(NativeLibrary.ABI_VERSION, library.abiVersion());
        assertTrue(library.resizable());
        assertTrue(Files.isRegularFile(library.path()), library.path().toString());
        assertEquals(library, NativeLibrary.load());
    }

    @Test
    void kernelNamesAndDefaultSizesAgreeWithKernelSpec() {
        NativeLibrary library = NativeLibrary.load();
        assertEquals(KernelSpec.values().length, library.kernelCount());
        for (KernelSpec kernel : KernelSpec.values()) {
            assertEquals(kernel.id(), library.kernelName(kernel.nativeId()));
            for (KernelSpec.Profile profile : KernelSpec.Profile.values()) {
                assertEquals(kernel.defaultSize(profile), library.kernelDefaultSize(kernel.nativeId(), profile.ordinal()),
                        kernel.id() + " " + profile.id());
            }
        }
        assertNull(library.kernelName(KernelSpec.values().length));
        assertEquals(-1, library.kernelDefaultSize(KernelSpec.values().length, 0));
        assertEquals(-1, library.kernelDefaultSize(0, 3));
    }

    @Test
    void aMissingResourceSaysHowToBuildIt() {
        NativeLibraryException e = assertThrows(NativeLibraryException.class,
                () -> NativeLibrary.loadResource(getClass().getClassLoader(), "io/parbench/nowhere/libparbench.so"));
        assertEquals("the native kernel library is not on the class path (resource io/parbench/nowhere/libparbench.so,"
                + " from the bench-wasm jar or bench-wasm/target/classes): build it with scripts/test or"
                + " mvn -pl bench-wasm package.", e.getMessage());
    }

    @Test
    void aFileThatIsNoLibraryIsRefusedWithItsPath() throws Exception {
        // The real library marked as built for aarch64 (ELF e_machine at offset 18): the dynamic
        // linker refuses it up front, and its intact headers keep the JVM from warning about stack guards.
        byte[] foreign = Files.readAllBytes(NativeLibrary.load().path());
        foreign[18] = (byte) 0xB7;
        foreign[19] = 0;
        Path fake = Files.write(dir.resolve("libparbench.so"), foreign);
        NativeLibraryException e = assertThrows(NativeLibraryException.class, () -> NativeLibrary.loadFile(fake));
        assertTrue(e.getMessage().startsWith("could not load the native kernel library " + fake + " ("), e.getMessage());
        Path missing = dir.resolve("absent.so");
        assertEquals("the native kernel library " + missing + " does not exist: build it with scripts/test or"
                + " mvn -pl bench-wasm package.",
                assertThrows(NativeLibraryException.class, () -> NativeLibrary.loadFile(missing)).getMessage());
    }

    @Test
    void aLibraryBuiltBeforePoolUseWorkersStillRunsAndSaysWhyItCannotSwitch() throws Exception {
        // The real library with the function's name changed everywhere (the dynamic symbol
        // table, and the error messages that name it): to the dynamic linker, a library without it.
        byte[] content = Files.readAllBytes(NativeLibrary.load().path());
        byte[] name = "pb_pool_use_workers".getBytes(StandardCharsets.US_ASCII);
        int renamed = 0;
        for (int at = 0; at + name.length <= content.length; at++) {
            if (Arrays.equals(content, at, at + name.length, name, 0, name.length)) {
                content[at + name.length - 1] = 'z';
                renamed++;
            }
        }
        assertTrue(renamed > 0, "the library names pb_pool_use_workers nowhere");
        Path file = Files.write(dir.resolve("libparbench.so"), content);
        NativeLibrary older = NativeLibrary.loadFile(file);
        assertFalse(older.resizable());
        try (NativeBench bench = NativeBench.create(older, KernelSpec.FORKJOIN, 1024, 42, 2)) {
            bench.step();
            assertEquals(ReferenceChecksums.of(KernelSpec.FORKJOIN, 1024, 42), bench.checksum());
            assertFalse(bench.resizable());
            NativeLibraryException e = assertThrows(NativeLibraryException.class, () -> bench.useWorkers(1));
            assertEquals(file + " was built before pb_pool_use_workers, so its pools cannot switch to 1 workers: create a"
                    + " bench per worker count, or rebuild the library from this checkout (build it with scripts/test or"
                    + " mvn -pl bench-wasm package).", e.getMessage());
            assertEquals(2, bench.activeWorkers());
        }
    }

    @Test
    void extractionIsContentAddressedAndSafeWhenRacing() throws Exception {
        LibraryExtractor extractor = new LibraryExtractor(dir);
        byte[] content = "library bytes".getBytes();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> racing = IntStream.range(0, 8)
                    .mapToObj(i -> threads.submit(() -> extractor.extract(content, "libx.so"))).toList();
            Path first = racing.getFirst().get();
            for (Future<Path> other : racing) {
                assertEquals(first, other.get());
            }
            assertArrayEquals(content, Files.readAllBytes(first));
        } finally {
            threads.shutdownNow();
        }
        Path other = extractor.extract("other bytes".getBytes(), "libx.so");
        assertTrue(!other.equals(extractor.extract(content, "libx.so")));
        try (var leftovers = Files.walk(dir)) {
            assertEquals(0, leftovers.filter(p -> p.toString().endsWith(".partial")).count());
        }
    }
}
