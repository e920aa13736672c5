package io.parbench.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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

    /** Emscripten -O2 and up renames every import and export: @ffmpeg/core-mt, onnxruntime-web. */
    @Test
    void minifiedEmscriptenWithPthreads() throws Exception {
        ModuleReport r = inspect("emscripten-minified-pthreads.wat");

        assertEquals(List.of("emscripten", "emscripten-pthreads"), ids(r));
        assertEquals("Emscripten (minified)", r.toolchains().getFirst().name());
        assertEquals(List.of("every import (9) from module 'a' under a minified name (a.a, a.b, a.c, …): Emscripten's -O2 and "
                + "higher builds rename them so"), r.toolchains().getFirst().evidence());
        assertEquals(List.of("an imported shared memory and 1 atomic wait, as -pthread builds have"), r.toolchains().get(1).evidence());
        assertTrue(r.verdict().threadsReady(), r.verdict().toString());
    }

    /** The single-threaded twin (@ffmpeg/core beside core-mt) gets Emscripten's fix, not clang's. */
    @Test
    void minifiedEmscriptenWithoutThreadsGetsTheEmscriptenFix() throws Exception {
        ModuleReport r = inspect("emscripten-minified-single.wat");

        assertEquals(List.of("emscripten"), ids(r));
        assertFalse(r.verdict().threadsReady());
        assertEquals("memory is not shared: build with atomics and shared memory (compile and link with emcc -pthread; a library "
                + "from npm ships its threaded build as another file or package (e.g. @ffmpeg/core-mt beside @ffmpeg/core))",
                r.verdict().reasons().getFirst());
    }

    /** The shipped examples' real modules, as the npm packages have them (built by bench-wasm). */
    @Test
    void theShippedLibrariesAreRecognisedAsEmscriptenPthreads() throws Exception {
        Path examples = Path.of("..", "bench-wasm", "target", "examples");
        for (String module : List.of("onnxruntime-web/ort-wasm-simd-threaded.wasm", "ffmpeg-core-mt/ffmpeg-core.wasm",
                "tfjs-backend-wasm/tfjs-backend-wasm-threaded-simd.wasm", "wasm-vips/vips.wasm")) {
            ModuleReport r = ModuleInspector.inspect(examples.resolve(module));
            assertTrue(ids(r).containsAll(List.of("emscripten", "emscripten-pthreads")), module + ": " + r.toolchains());
            assertTrue(r.verdict().threadsReady(), module + ": " + r.verdict());
            assertFalse(r.verdict().sideModule(), module);
        }
        ModuleReport single = ModuleInspector.inspect(examples.resolve("tfjs-backend-wasm/tfjs-backend-wasm-simd.wasm"));
        assertFalse(single.verdict().threadsReady());
        assertTrue(single.verdict().reasons().getFirst().contains("emcc -pthread"), single.verdict().reasons().getFirst());
        assertTrue(ids(ModuleInspector.inspect(examples.resolve("wasm-vips/vips.wasm"))).contains("main-module"));
    }

    /** A dylink.0 module that imports where its main module places it: threads-ready only as part of that module. */
    @Test
    void aSideModuleIsSaidToBeOne() throws Exception {
        byte[] dylink = ModuleBytes.section(0, ModuleBytes.name("dylink.0"), ModuleBytes.bytes(1, 4, 0, 0, 0, 0));
        byte[] imports = ModuleBytes.section(ModuleBytes.IMPORT, ModuleBytes.bytes(3),
                ModuleBytes.name("env"), ModuleBytes.name("memory"), ModuleBytes.bytes(0x02, 0x03, 1, 4),
                ModuleBytes.name("env"), ModuleBytes.name("__memory_base"), ModuleBytes.bytes(0x03, 0x7F, 0),
                ModuleBytes.name("env"), ModuleBytes.name("__table_base"), ModuleBytes.bytes(0x03, 0x7F, 0));
        ModuleReport r = ModuleInspector.inspect("side.wasm", ModuleBytes.module(dylink, imports));

        assertEquals(List.of("side-module"), ids(r));
        assertTrue(r.verdict().sideModule());
        assertEquals("threads-ready (" + ThreadsVerdict.SIDE_MODULE + ")", r.verdict().summary());
        assertTrue(ReportText.render(r).contains("Verdict: threads-ready\n  " + ThreadsVerdict.SIDE_MODULE), ReportText.render(r));
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
