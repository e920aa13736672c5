package io.parbench.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict on real modules: clang builds with and without threads, and each rule's case. */
class ThreadsVerdictTest {

    private static ModuleReport inspect(Path module) throws Exception {
        return ModuleInspector.inspect(module);
    }

    @Test
    void aThreadedClangBuildIsThreadsReady() throws Exception {
        ModuleReport r = inspect(WasmFixtures.threadedC());

        assertTrue(r.verdict().threadsReady(), r.verdict().toString());
        assertEquals(List.of(), r.verdict().reasons());
        assertEquals(List.of(), r.verdict().notes());
        MemoryInfo memory = r.module().memories().getFirst();
        assertTrue(memory.imported() && memory.shared(), memory.toString());
        assertEquals("env.memory", memory.importedFrom());
        assertEquals(16, memory.maximumPages(), "--max-memory=1048576 is 16 pages");
        assertEquals(1048576L, memory.maximumBytes());
        InstructionStats s = r.module().instructions();
        assertTrue(s.atomicWaits() >= 1 && s.atomicNotifies() >= 1, s.toString());
        assertTrue(s.atomicByKind().get("atomic read-modify-writes") >= 1, s.toString());
        assertTrue(s.bulkMemoryByKind().containsKey("memory.init"), "the linker's __wasm_init_memory copies the passive segment: " + s);
        assertEquals(new DataSegments(0, 1), r.module().dataSegments());
        assertTrue(r.module().targetFeatures().containsAll(List.of("+atomics", "+bulk-memory")), r.module().targetFeatures().toString());
    }

    @Test
    void aSingleThreadedClangBuildSaysWhyNot() throws Exception {
        ModuleReport r = inspect(WasmFixtures.plainC());

        assertFalse(r.verdict().threadsReady());
        assertEquals(2, r.verdict().reasons().size(), r.verdict().reasons().toString());
        assertTrue(r.verdict().reasons().get(0).startsWith("memory is not shared: build with atomics and shared memory (clang: compile with -matomics -mbulk-memory"),
                r.verdict().reasons().get(0));
        assertTrue(r.verdict().reasons().get(1).startsWith("memory is defined inside the module"), r.verdict().reasons().get(1));
        assertEquals(0, r.module().instructions().atomic());
        assertEquals(List.of("memory"), r.module().memories().getFirst().exportedAs());
    }

    @Test
    void atomicsCompiledInButNotLinkedSharedPointsAtTheLinker() throws Exception {
        ModuleReport r = inspect(WasmFixtures.clang("threaded.c", "threaded-unshared",
                WasmFixtures.CLANG_WASM + " -matomics -mbulk-memory -Wl,--import-memory"));

        assertEquals(List.of("memory is not shared: build with atomics and shared memory (the code has atomics, so the link step is missing it: "
                + "clang: link with -Wl,--import-memory -Wl,--shared-memory -Wl,--max-memory=<bytes>)"), r.verdict().reasons());
    }

    @Test
    void sharedButOwnMemoryIsNotEnough() throws Exception {
        ModuleReport r = inspect(WasmFixtures.clang("threaded.c", "threaded-own-memory",
                WasmFixtures.CLANG_WASM + " -matomics -mbulk-memory -Wl,--shared-memory -Wl,--max-memory=1048576"));

        assertTrue(r.module().memories().getFirst().shared());
        assertEquals(List.of("memory is defined inside the module, so every worker's instance would get a memory of its own: "
                + "clang: link with -Wl,--import-memory"), r.verdict().reasons());
    }

    @Test
    void simdIsCounted() throws Exception {
        ModuleReport r = inspect(WasmFixtures.clang("plain.c", "plain-simd", WasmFixtures.CLANG_WASM + " -msimd128"));
        assertTrue(r.module().instructions().simd() > 0, r.module().instructions().toString());
        assertTrue(r.module().targetFeatures().contains("+simd128"));
    }

    @Test
    void noMemoryAtAll() throws Exception {
        ModuleReport r = inspect(WasmFixtures.wat("no-memory.wat"));
        assertEquals(List.of("the module has no memory, so workers have nothing to share: clang: compile with -matomics -mbulk-memory, "
                + "link with -Wl,--import-memory -Wl,--shared-memory -Wl,--max-memory=<bytes>"), r.verdict().reasons());
    }

    @Test
    void activeSegmentsOnSharedMemoryWouldBeCopiedByEveryWorker() throws Exception {
        ModuleReport r = inspect(WasmFixtures.wat("shared-active-data.wat"));

        assertEquals(new DataSegments(1, 0), r.module().dataSegments());
        assertEquals(List.of("1 active data segment(s) would be copied into the shared memory again by every worker's instantiation, "
                + "overwriting live data: clang: compile with -mbulk-memory so the linker makes the segments passive"), r.verdict().reasons());
        assertEquals(List.of("no memory.atomic.wait: idle workers cannot sleep inside WebAssembly, they spin or return to JavaScript"),
                r.verdict().notes());
    }

    @Test
    void sharedMemoryWithoutAtomicsIsReadyWithANote() throws Exception {
        ModuleReport r = inspect(WasmFixtures.wat("shared-no-atomics.wat"));

        assertTrue(r.verdict().threadsReady());
        assertEquals(List.of("the code has no atomic instructions: workers cannot synchronise inside WebAssembly, only through JavaScript"),
                r.verdict().notes());
    }

    @Test
    void sharedMemoryWithoutMaximumIsInvalid() throws Exception {
        ModuleReport r = ModuleInspector.inspect("hand-made", ModuleBytes.importingMemory(0x02, 1));

        assertEquals(List.of("the shared memory declares no maximum size, which the spec requires (engines reject the module): "
                + "clang: link with -Wl,--max-memory=<bytes>"), r.verdict().reasons());
    }

    @Test
    void memory64AndCustomPageSizesAreRead() throws Exception {
        MemoryInfo m64 = ModuleReader.read(ModuleBytes.importingMemory(0x07, 2, 8)).memories().getFirst();
        assertTrue(m64.memory64() && m64.shared());
        assertEquals(8L, m64.maximumPages());

        MemoryInfo tiny = ModuleReader.read(ModuleBytes.importingMemory(0x09, 10, 20, 0)).memories().getFirst();
        assertEquals(1, tiny.pageBytes(), "page size 2^0");
        assertEquals(20L, tiny.maximumBytes());
    }
}
