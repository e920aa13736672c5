package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.process.TempFolders;
import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping 'parbench run' mid-way (Ctrl-C, SIGTERM) leaves a valid document with what was
 * measured, marked incomplete, says so truly, and leaves no process or temporary folder behind;
 * what a run killed with SIGKILL leaves is removed by the next one.
 */
class InterruptedRunTest {

    @TempDir Path dir;
    /** The runs' java.io.tmpdir: short, as a user's /tmp (Chromium's socket path must fit in 107 bytes). */
    private Path tmp;

    @BeforeEach
    void shortTmp() throws IOException {
        tmp = Files.createTempDirectory(Path.of("/tmp"), "pbt");
    }

    @AfterEach
    void removeTmp() {
        TempFolders.delete(tmp);
    }

    @Test
    void aStoppedRunKeepsWhatItMeasured() throws Exception {
        Path out = dir.resolve("run");
        // Each fork measures the whole curve, W = 1 to 8.
        RunDocument doc = assertKeptWhatWasMeasured(interrupted(out, "native", "1..8", 4, 1, "TERM"), 143, out, 1, 4);
        assertEquals(8, doc.configurations().size());
        assertEquals(List.of(), ParbenchProcess.leftIn(tmp), "its temporary folders are gone");
    }

    /**
     * A stop while three browsers run: what was measured is kept as measured, no browser killed by the stop is a failure.
     * SIGTERM takes Ctrl-C's path (the same shutdown); SIGINT itself would be ignored when the tests run in the
     * background, as a shell's {@code &} leaves it ignored and the JVM keeps it so.
     */
    @Test
    void aStopDuringAMultiBrowserRunKeepsWhatWasMeasuredAndLeavesNothingBehind() throws Exception {
        Path out = dir.resolve("run");
        // Chromium's fork measured, Firefox's on its way: every browser has its processes up (all were probed).
        assertKeptWhatWasMeasured(interrupted(out, "chromium,firefox,webkit", "1..3", 1, 1, "TERM"), 143, out, 1, 3);
        String output = Files.readString(log(out));
        assertFalse(output.contains("failed —"), "no failure made by the stop is shown: " + output);
        assertEquals(List.of(), ParbenchProcess.processesIn(tmp), "no browser, driver or X server is left");
        assertEquals(List.of(), ParbenchProcess.leftIn(tmp), "no temporary folder is left");
    }

    /** SIGKILL leaves everything running; the next parbench removes it. */
    @Test
    void whatARunKilledWithSigkillLeftIsRemovedByTheNextOne() throws Exception {
        interrupted(dir.resolve("killed"), "firefox,webkit", "1..4", 1, 1, "KILL");
        assertFalse(ParbenchProcess.processesIn(tmp).isEmpty(), "SIGKILL leaves the browsers running");
        assertFalse(ParbenchProcess.leftIn(tmp).isEmpty(), "and their folders");

        Path next = dir.resolve("next");
        Process run = ParbenchProcess.start(tmp, log(next), "run", "--engines", "native", "--kernels", "forkjoin", "--workers", "1",
                "--warmup", "0", "--iterations", "2", "--iteration-time", "50", "--out", next.toString());
        assertTrue(run.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, run.exitValue(), Files.readString(log(next)));
        assertEquals(List.of(), ParbenchProcess.processesIn(tmp), "the killed run's browsers are gone");
        assertEquals(List.of(), ParbenchProcess.leftIn(tmp), "and its folders, and the next run's own");
    }

    /** A forkjoin run of {@code engines} into {@code out}, sent {@code signal} once it saved {@code saved} forks; ended. */
    private Process interrupted(Path out, String engines, String workers, int forks, int saved, String signal) throws Exception {
        Process run = ParbenchProcess.start(tmp, log(out), "run", "--engines", engines, "--kernels", "forkjoin", "--workers", workers,
                "--forks", Integer.toString(forks), "--warmup", "0", "--iterations", "2", "--iteration-time", "50", "--out", out.toString());
        try {
            ParbenchProcess.awaitForks(out.resolve("results.json"), saved, run, log(out));
            if (!engines.equals("native")) {
                assertFalse(ParbenchProcess.processesIn(tmp).isEmpty(), "the browsers run in the run's temporary folders");
            }
            ParbenchProcess.signal(run, signal);
            // Only a run that never stops fails this: stopping is quick, the bound is for a run that hangs.
            assertTrue(run.waitFor(5, TimeUnit.MINUTES), "the run stops at SIG" + signal);
        } finally {
            run.destroyForcibly();
        }
        return run;
    }

    /**
     * The run ended with the signal's exit code; its document holds the forks measured before the stop, every
     * configuration ok (none made to fail by the stop), marked incomplete; and the run said so.
     *
     * @return the document
     */
    private RunDocument assertKeptWhatWasMeasured(Process run, int exitCode, Path out, int awaited, int planned) throws IOException {
        String output = Files.readString(log(out));
        assertEquals(exitCode, run.exitValue(), output);
        RunDocument doc = ResultsReader.read(out.resolve("results.json"));
        assertFalse(doc.run().complete(), "an interrupted run is marked incomplete: " + output);
        assertNull(doc.run().finished());
        int measured = doc.forks().size();
        assertTrue(measured >= awaited && measured < planned, "measured " + measured + " of " + planned + " forks: " + output);
        assertTrue(doc.configurations().stream().allMatch(c -> c.status() == Status.OK), "nothing killed by the stop is a failure: "
                + doc.configurations());
        assertTrue(output.contains("Interrupted: " + out.resolve("results.json") + " holds this run's " + measured + " of " + planned
                + " forks (marked incomplete)."), output);
        return doc;
    }

    private Path log(Path out) {
        return dir.resolve(out.getFileName() + ".txt");
    }
}
