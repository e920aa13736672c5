package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disks that are full, fill up mid-run or cannot be written, for real: a tmpfs of a few KiB
 * mounted in a mount namespace of the run's own (unshare, no root needed), the run inside it.
 */
class FullDiskTest {

    @TempDir Path dir;

    @BeforeAll
    static void namespacesWork() throws Exception {
        Process probe = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "true").start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "this machine lets no user mount a tmpfs in a namespace of its own (unshare --user --mount)");
    }

    /** Each fork's 2 × 50 samples grow results.json until the next save does not fit: the run ends there and says what is kept. */
    @Test
    void aDiskThatFillsMidRunEndsTheRunSayingWhatResultsJsonHolds() throws Exception {
        Path disk = dir.resolve("disk");
        Run run = onDisk("size=16k", disk, "run", "--engines", "native", "--kernels", "forkjoin", "--workers", "1,2", "--forks", "8",
                "--warmup", "0", "--iterations", "50", "--iteration-time", "2", "--out", disk.resolve("out").toString());
        assertEquals(ExitCodes.FAILURES, run.exitCode(), run.output());
        Path kept = dir.resolve("disk.after/out/results.json");
        RunDocument doc = ResultsReader.read(kept);
        int saved = doc.forks().size();
        assertTrue(saved >= 1 && saved < 8, saved + " forks saved: " + run.output());
        assertTrue(run.output().contains("error: Could not write the results to " + disk.resolve("out/results.json") + ": no space is left on"
                + " the disk that holds " + disk.resolve("out") + "; free some space there or write to another disk. "
                + disk.resolve("out/results.json") + " holds this run's " + saved + " of 8 forks (marked incomplete)."), run.output());
        assertFalse(doc.run().complete());
        assertEquals(List.of("results.json"), names(kept.getParent()), "no temporary file is left");
    }

    @Test
    void aReportThatDoesNotFitLeavesTheResultsAndTheSummary() throws Exception {
        Path disk = dir.resolve("disk");
        Run run = onDisk("size=40k", disk, "run", "--engines", "native", "--kernels", "forkjoin", "--workers", "1,2", "--warmup", "0",
                "--iterations", "5", "--iteration-time", "20", "--out", disk.resolve("out").toString());
        assertEquals(ExitCodes.FAILURES, run.exitCode(), run.output());
        assertTrue(run.output().contains("forkjoin 1.02 k") && run.output().contains("Results: " + disk.resolve("out/results.json")),
                "the terminal summary and the results: " + run.output());
        assertTrue(run.output().contains("error: Could not write the report to " + disk.resolve("out/report.html")
                + ": no space is left on the disk that holds " + disk.resolve("out")), run.output());
        assertFalse(run.output().contains("Report:  "), run.output());
        assertTrue(ResultsReader.read(dir.resolve("disk.after/out/results.json")).run().complete());
    }

    @Test
    void aFullDiskIsRefusedBeforeAnythingIsMeasured() throws Exception {
        Path disk = dir.resolve("disk");
        Run run = onDisk("size=8k", disk, "run", "--engines", "native", "--kernels", "forkjoin", "--out", disk.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.output());
        assertTrue(run.output().contains("error: Could not write the results (--out) to " + disk.resolve("out/results.json")
                + ": no space is left on the disk that holds " + disk), run.output());
        assertFalse(run.output().contains("Plan:"), run.output());
    }

    @Test
    void aReadOnlyDiskIsRefusedBeforeAnythingIsMeasured() throws Exception {
        Path disk = dir.resolve("disk");
        Run run = onDisk("ro", disk, "run", "--engines", "native", "--kernels", "forkjoin", "--out", disk.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.output());
        assertTrue(run.output().contains("error: Could not write the results (--out) to " + disk.resolve("out/results.json") + ": " + disk
                + " is on a read-only file system; write somewhere else."), run.output());
    }

    private record Run(int exitCode, String output) {}

    /**
     * Runs parbench with {@code disk} a fresh tmpfs ({@code options}: size=…, or ro; size=8k is filled first);
     * what the disk holds afterwards is copied to disk.after.
     */
    private Run onDisk(String options, Path disk, String... args) throws Exception {
        Files.createDirectories(disk);
        Files.createDirectories(Path.of(disk + ".after"));
        String mount = options.equals("ro") ? "size=1m,ro" : options;
        String fill = options.equals("size=8k") ? "head -c 8192 /dev/zero > \"$disk/filler\" 2>/dev/null; " : "";
        List<String> command = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "disk=$1; mount -t tmpfs -o " + mount + " tmpfs \"$disk\" || exit 99; " + fill + "shift; \"$@\"; code=$?; "
                        + "cp -a \"$disk\"/. \"$disk.after\"/; exit $code", "sh", disk.toString()));
        command.addAll(ParbenchProcess.command(dir, args));
        Path log = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "parbench ends");
        assertTrue(process.exitValue() != 99, "the tmpfs is mounted: " + Files.readString(log));
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
