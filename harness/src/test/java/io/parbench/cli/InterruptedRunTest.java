package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing 'parbench run' mid-way leaves a valid document with what was measured, marked incomplete. */
class InterruptedRunTest {

    @TempDir Path dir;

    @Test
    void aStoppedRunKeepsWhatItMeasured() throws Exception {
        Path results = dir.resolve("results.json");
        Path log = dir.resolve("stderr.txt");
        Process run = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-Dparbench.runLock=" + System.getProperty("parbench.runLock"), // the suite's lock, as in-process runs
                        "-cp", System.getProperty("java.class.path"),
                        ParbenchCommand.class.getName(),
                        "run", "--engines", "native", "--kernels", "forkjoin", "--workers", "1..8", "--forks", "4",
                        "--warmup", "0", "--iterations", "2", "--iteration-time", "50", "--out", dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            waitForMeasuredForks(results, 1, run);
        } finally {
            run.destroy(); // SIGTERM, like Ctrl-C: shutdown hooks run
        }
        // Only a run that never stops fails this: stopping is quick, the bound is for a run that hangs.
        assertTrue(run.waitFor(5, TimeUnit.MINUTES), "the run stops when asked");

        RunDocument doc = ResultsReader.read(results);
        assertFalse(doc.run().complete(), "an interrupted run is marked incomplete");
        assertNull(doc.run().finished());
        // Each fork measures the whole curve, W = 1 to 8.
        int measured = doc.forks().size();
        assertTrue(measured >= 1 && measured < 4, "measured " + measured + " of 4 forks");
        assertEquals(8, doc.configurations().size());
        assertTrue(doc.configurations().stream().allMatch(c -> c.status() == Status.OK), doc.configurations().toString());
        String output = Files.readString(log);
        assertTrue(output.contains("Interrupted: ") && output.contains("of 4 forks are saved in " + results), output);
    }

    /** Waits for the event, however long this machine takes: the results file lists {@code count} forks. */
    private static void waitForMeasuredForks(Path results, int count, Process run) throws Exception {
        while (!Files.exists(results) || ResultsReader.read(results).forks().size() < count) {
            assertTrue(run.isAlive(), "parbench run ended before it could be interrupted");
            Thread.sleep(100);
        }
    }
}
