package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.gate.NoiseModel;
import io.parbench.gate.RunDocuments;
import io.parbench.results.ResultsJson;
import io.parbench.results.ResultsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    private Path results() {
        Path file = dir.resolve("results.json");
        ResultsWriter.write(RunDocuments.run(NoiseModel.IID_3, 1).series("native", "sum", 1 << 20, RunDocuments.SCALING, 1).build(), file);
        return file;
    }

    @Test
    void exportsToStdoutOrAFile() throws Exception {
        Path results = results();
        CommandRun csv = CommandRun.of("export", results.toString(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        assertEquals(1 + 3 * 5 * 3, csv.out().lines().count()); // a header, then 3 configurations of 5 forks x 3 iterations

        Path out = dir.resolve("exports/jmh.json");
        CommandRun jmh = CommandRun.of("export", results.toString(), "--format", "jmh", "--out", out.toString());
        assertEquals(0, jmh.exitCode(), jmh.err());
        assertEquals("", jmh.out());
        assertEquals(3, ResultsJson.mapper().readTree(out.toFile()).size());

        CommandRun action = CommandRun.of("export", results.toString(), "--format", "benchmark-action");
        assertEquals(3 + 2, ResultsJson.mapper().readTree(action.out()).size());
    }

    @Test
    void anUnknownFormatExitsTwo() {
        CommandRun run = CommandRun.of("export", results().toString(), "--format", "xml");
        assertEquals(2, run.exitCode());
        assertEquals("error: Unknown export format 'xml'; use one of jmh, csv, benchmark-action.", run.err().strip());
        assertTrue(Files.exists(dir.resolve("results.json")));
    }
}
