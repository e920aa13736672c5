package io.parbench.engines.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parbench inspect's verdicts on the modules a page instantiated (or, not knowing them, those in its folder), for threads failures. */
class ThreadsDiagnosisTest {

    @TempDir
    Path folder;

    @Test
    void namesEachModuleInTheFolderWithItsVerdictWhenThePageCouldNotTell() throws Exception {
        Path examples = Path.of("..", "bench-wasm", "target", "examples");
        Files.copy(examples.resolve("emscripten-nbody/nbody.wasm"), folder.resolve("nbody.wasm"));
        Files.copy(plainModule(), Files.createDirectories(folder.resolve("pkg")).resolve("plain.wasm"));
        Files.writeString(folder.resolve("broken.wasm"), "not wasm");

        String diagnosis = ThreadsDiagnosis.of(new ModuleVerdicts(folder), folder, List.of());

        assertTrue(diagnosis.startsWith("parbench inspect says: broken.wasm is not a module parbench can read ("), diagnosis);
        assertTrue(diagnosis.contains("); nbody.wasm is threads-ready; pkg/plain.wasm is not threads-ready (memory is not shared"),
                diagnosis);
    }

    /** The inline verdict once missed node_modules/@ffmpeg/core/dist/esm/ffmpeg-core.wasm: more than 5 folders deep. */
    @Test
    void namesTheModuleThePageInstantiatedAtAnyDepth() throws Exception {
        Path deep = Files.createDirectories(folder.resolve("node_modules/@scope/lib/dist/esm/wasm/build/release"));
        Files.copy(plainModule(), deep.resolve("plain.wasm"));
        Files.copy(Path.of("..", "bench-wasm", "target", "examples", "emscripten-nbody", "nbody.wasm"), folder.resolve("other.wasm"));

        String diagnosis = ThreadsDiagnosis.of(new ModuleVerdicts(folder), folder,
                List.of("/node_modules/%40scope/lib/dist/esm/wasm/build/release/plain.wasm", "/../outside.wasm", "/missing.wasm"));

        assertEquals("parbench inspect says: node_modules/@scope/lib/dist/esm/wasm/build/release/plain.wasm is not threads-ready "
                + "(memory is not shared", diagnosis.substring(0, diagnosis.indexOf(':', diagnosis.indexOf("(memory"))));
        assertTrue(!diagnosis.contains("other.wasm"), diagnosis);
    }

    @Test
    void withoutModulesPointsAtTheCommand() {
        assertEquals("check your module with 'parbench inspect FILE.wasm'", ThreadsDiagnosis.of(new ModuleVerdicts(folder), folder, List.of()));
    }

    private static Path plainModule() throws Exception {
        return Path.of(ThreadsDiagnosisTest.class.getResource("/byo/not-threads-ready/plain.wasm").toURI());
    }
}
