package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.report.ReportFixtures;
import io.parbench.results.ResultsWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report of documents far larger than a run writes: summarised in bounded memory, or refused at once above its limit. */
class LargeReportTest {

    @TempDir Path dir;

    /** 200,000 configurations (some 50 MB): a summary of bounded size, written by a JVM with 512 MB of heap. */
    @Test
    void aHugeDocumentIsSummarisedInBoundedMemory() throws Exception {
        Path results = dir.resolve("huge.json");
        ResultsWriter.write(ReportFixtures.many(200_000), results);
        assertTrue(Files.size(results) < ReportCommand.MAX_BYTES, Files.size(results) + " bytes");
        Path report = dir.resolve("huge.html");
        Path log = dir.resolve("report.txt");
        List<String> command = new ArrayList<>(ParbenchProcess.command(dir, "report", results.toString(), "--out", report.toString()));
        command.add(1, "-Xmx512m");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), Files.readString(log));
        String html = Files.readString(report);
        assertTrue(html.contains("200,000 configurations in"), html.substring(0, Math.min(html.length(), 2000)));
        assertTrue(Files.size(report) < 200_000, Files.size(report) + " bytes");
    }

    @Test
    void aDocumentAboveTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path results = dir.resolve("padded.json");
        ResultsWriter.write(ReportFixtures.healthy(), results);
        // Whitespace after the document: valid JSON, and over the limit.
        try (OutputStream out = Files.newOutputStream(results, StandardOpenOption.APPEND)) {
            byte[] spaces = " ".repeat(1 << 20).getBytes();
            for (long written = 0; written <= ReportCommand.MAX_BYTES; written += spaces.length) {
                out.write(spaces);
            }
        }
        CommandRun run = CommandRun.of("report", results.toString(), "--out", dir.resolve("r.html").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: " + results + " is 12"), run.err());
        assertTrue(run.err().contains(" MiB; report reads at most 128 MiB of results (about 250,000 configurations)."), run.err());
        assertFalse(Files.exists(dir.resolve("r.html")));
    }
}
