package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** parbench run --engines byo end to end: plan from the adapter's meta, measure in Chromium, results like any engine's. */
class ByoRunTest {

    @TempDir
    Path out;

    @Test
    void theEmscriptenExampleRunsFromTheCommandLine() {
        Path adapter = Path.of("..", "bench-wasm", "target", "examples", "emscripten-nbody", "adapter.js");
        assertTrue(Files.isRegularFile(adapter), () -> adapter.toAbsolutePath() + " is missing: build bench-wasm first");
        StringWriter err = new StringWriter();
        CommandLine cl = ExitCodes.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));

        int code = cl.execute("run", "--engines", "byo", "--adapter", adapter.toString(), "--workers", "1,2", "--sizes",
                "emscripten-nbody=128", "--forks", "1", "--warmup", "0", "--iterations", "2", "--iteration-time", "1",
                "--out", out.toString());

        assertEquals(ExitCodes.OK, code, err.toString());
        RunDocument doc = ResultsReader.read(out.resolve("results.json"));
        List<ConfigurationResult> results = doc.configurations();
        assertEquals(List.of(1, 2), results.stream().map(r -> r.configuration().workers()).toList());
        String reference = ChecksumText.of(ReferenceChecksums.of(KernelSpec.NBODY, 128, 42));
        for (ConfigurationResult r : results) {
            assertEquals("byo", r.configuration().engine());
            assertEquals("emscripten-nbody", r.configuration().kernel());
            assertEquals(128, r.configuration().size());
            assertEquals(Status.OK, r.status(), r.reason());
            assertEquals(reference, r.checksum());
            assertEquals(2, r.flatSamples().size());
        }
        assertEquals("emscripten-nbody", doc.environment().engines().get("byo").facts().get("kernel"));
    }
}
