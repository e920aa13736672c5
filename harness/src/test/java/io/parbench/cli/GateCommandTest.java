package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.gate.NoiseModel;
import io.parbench.gate.RunDocuments;
import io.parbench.results.ResultsJson;
import io.parbench.results.ResultsWriter;
import io.parbench.results.RunDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, double nbodyFactor, long seed) {
        Path file = dir.resolve(name);
        ResultsWriter.write(RunDocuments.run(NoiseModel.IID_3, seed)
                .series("native", "sum", 1 << 20, RunDocuments.SCALING, 1)
                .series("chromium", "nbody", 2048, RunDocuments.SCALING, nbodyFactor)
                .build(), file);
        return file;
    }

    @Test
    void theSameRunPassesWithExitZero() {
        Path base = write("base.json", 1, 1);
        CommandRun run = CommandRun.of("gate", "--baseline", base.toString(), "--current", base.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().toList().getLast().startsWith("PASS: "), run.out());
    }

    @Test
    void aRegressionExitsOneAndWritesEveryFormat() throws Exception {
        Path base = write("base.json", 1, 1);
        Path cur = write("cur/results.json", 0.8, 2);
        Path md = dir.resolve("out/summary.md");
        Path junit = dir.resolve("out/gate.xml");
        Path json = dir.resolve("out/gate.json");
        CommandRun run = CommandRun.of("gate", "--baseline", base.toString(), "--current", cur.toString(),
                "--markdown", md.toString(), "--junit", junit.toString(), "--json", json.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("REGRESSION"), run.out());
        assertTrue(Files.readString(md).contains("| chromium |"));
        assertTrue(Files.readString(junit).contains("<testsuites"));
        JsonNode verdicts = ResultsJson.mapper().readTree(json.toFile());
        assertEquals(false, verdicts.get("passed").asBoolean());
    }

    @Test
    void floorsAloneNeedNoBaseline() {
        Path cur = write("cur.json", 1, 2);
        assertEquals(0, CommandRun.of("gate", "--current", cur.toString(), "--min-speedup", "1.5").exitCode());
        CommandRun missed = CommandRun.of("gate", "--current", cur.toString(), "--min-speedup", "nbody@chromium:4=5");
        assertEquals(1, missed.exitCode());
        assertTrue(missed.out().contains("BELOW FLOOR"), missed.out());
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws Exception {
        Path cur = write("cur.json", 1, 2);
        CommandRun missing = CommandRun.of("gate", "--baseline", dir.resolve("nope.json").toString(), "--current", cur.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("error: No such results file: "), missing.err());

        CommandRun badThreshold = CommandRun.of("gate", "--current", cur.toString(), "--threshold", "nbody=lots");
        assertEquals(2, badThreshold.exitCode());
        assertEquals("error: --threshold 'lots' is not a number; give a percentage such as 5% or nbody@chromium=10%.",
                badThreshold.err().strip());

        Path future = dir.resolve("future.json");
        String written = Files.readString(cur);
        String version = "\"version\" : " + RunDocument.VERSION;
        assertTrue(written.contains(version), written);
        Files.writeString(future, written.replace(version, "\"version\" : 99"));
        CommandRun unknownVersion = CommandRun.of("gate", "--baseline", future.toString(), "--current", cur.toString());
        assertEquals(2, unknownVersion.exitCode());
        assertTrue(unknownVersion.err().contains("has results format version 99"), unknownVersion.err());

        CommandRun noCurrent = CommandRun.of("gate", "--baseline", cur.toString());
        assertEquals(2, noCurrent.exitCode());
        assertTrue(noCurrent.err().contains("Missing required option: '--current=CUR.json'"), noCurrent.err());
    }
}
