package io.parbench.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each documented heuristic, on modules with the import/export names the real toolchains emit. */
class ToolchainDetectorTest {

    private static ModuleReport inspect(String wat) throws Exception {
        return ModuleInspector.inspect(WasmFixtures.wat(wat));
    }

    private static List<String> ids(ModuleReport r) {
        return r.toolchains().stream().map(ToolchainMatch::id).toList();
    }

    @Test
    void wasmBindgenRayonWithThreads() throws Exception {
        ModuleReport r = inspect("bindgen-rayon.wat");

        assertEquals(List.of("wasm-bindgen", "wasm-bindgen-rayon"), ids(r));
        ToolchainMatch rayon = r.toolchains().get(1);
        assertTrue(rayon.evidence().contains("imports __wbg_startWorkers_8b582d57e92bd2d4"), rayon.evidence().toString());
        assertTrue(rayon.evidence().getFirst().startsWith("exports initThreadPool, wbg_rayon_start_worker"), rayon.evidence().toString());
        assertTrue(r.toolchains().getFirst().evidence().contains("imports from ./demo_bg.js"), r.toolchains().getFirst().evidence().toString());
        assertTrue(r.verdict().threadsReady(), r.verdict().toString());
        assertEquals(List.of(), r.verdict().notes());
    }

    @Test
    void wasmBindgenWithoutThreadsGetsTheRustFix() throws Exception {
        ModuleReport r = inspect("bindgen-single-threaded.wat");

        assertEquals(List.of("wasm-bindgen"), ids(r));
        assertFalse(r.verdict().threadsReady());
        assertTrue(r.verdict().reasons().getFirst().startsWith("memory is not shared: build with atomics and shared memory (build on nightly with "
                + "RUSTFLAGS='-C target-feature=+atomics,+bulk-memory'"), r.verdict().reasons().getFirst());
    }

    @Test
    void emscriptenPthreads() throws Exception {
        ModuleReport r = inspect("emscripten-pthreads.wat");

        assertEquals(List.of("emscripten", "emscripten-pthreads"), ids(r));
        assertTrue(r.toolchains().get(1).evidence().getFirst().contains("__pthread_create_js"), r.toolchains().get(1).evidence().toString());
        assertTrue(r.verdict().threadsReady(), r.verdict().toString());
    }

    @Test
    void plainCLikeParbenchOwn() throws Exception {
        ModuleReport r = ModuleInspector.inspect(WasmFixtures.threadedC());

        assertEquals(List.of("plain-c", "parbench-abi"), ids(r));
        assertTrue(r.toolchains().getFirst().evidence().getFirst().startsWith("producers processed-by "), r.toolchains().getFirst().evidence().toString());
        assertEquals(List.of("exports pb_arrive, pb_wait_for, pb_copy_greeting"), r.toolchains().get(1).evidence());
    }

    @Test
    void nothingRecognisable() throws Exception {
        ModuleReport r = ModuleInspector.inspect(WasmFixtures.wat("every-immediate.wat", false));
        assertEquals(List.of(), r.toolchains());
    }

    @Test
    void wasmBindgenWithSharedMemoryButNoPoolIsNoted() throws Exception {
        byte[] module = ModuleBytes.module(ModuleBytes.section(ModuleBytes.IMPORT, ModuleBytes.bytes(1),
                ModuleBytes.name("wbg"), ModuleBytes.name("memory"), ModuleBytes.bytes(0x02, 0x03, 1, 4)));
        ModuleReport r = ModuleInspector.inspect("hand-made", module);

        assertEquals(List.of("wasm-bindgen"), ids(r));
        assertTrue(r.verdict().notes().contains("wasm-bindgen with shared memory but no wasm-bindgen-rayon pool (no initThreadPool export): "
                + "your adapter must start the worker threads itself"), r.verdict().notes().toString());
    }
}
