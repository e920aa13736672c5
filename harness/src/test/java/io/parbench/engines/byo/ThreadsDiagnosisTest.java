package io.parbench.engines.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parbench inspect's verdicts on the modules in an adapter's folder, for threads failures. */
class ThreadsDiagnosisTest {

    @TempDir
    Path folder;

    @Test
    void namesEachModuleWithItsVerdict() throws Exception {
        Path examples = Path.of("..", "bench-wasm", "target", "examples");
        Files.copy(examples.resolve("emscripten-nbody/nbody.wasm"), folder.resolve("nbody.wasm"));
        Path plain = Path.of(ThreadsDiagnosisTest.class.getResource("/byo/not-threads-ready/plain.wasm").toURI());
        Files.copy(plain, Files.createDirectories(folder.resolve("pkg")).resolve("plain.wasm"));
        Files.writeString(folder.resolve("broken.wasm"), "not wasm");

        String diagnosis = ThreadsDiagnosis.of(folder);

        assertTrue(diagnosis.startsWith("parbench inspect says: broken.wasm could not be inspected ("), diagnosis);
        assertTrue(diagnosis.contains("); nbody.wasm is threads-ready; pkg/plain.wasm is not threads-ready (memory is not shared"),
                diagnosis);
    }

    @Test
    void withoutModulesPointsAtTheCommand() {
        assertEquals("check your module with 'parbench inspect FILE.wasm'", ThreadsDiagnosis.of(folder));
    }
}
