package io.parbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDocumentTest {

    @TempDir Path dir;

    static RunDocument sample() {
        var probe = new BrowserProbe("chromium", "140.0", "Mozilla/5.0", 2, true, true, true, 0.005, true, null);
        var env = new Environment("host", "Linux 6.1", "amd64", "Some CPU", 2, 24L << 30, "OpenJDK 25",
                Map.of("chromium", new EngineFacts("chromium", true, null, null, Map.of("path", "/usr/bin/chromium"), probe)));
        var info = new RunInfo("dev", List.of("parbench", "run"), Instant.parse("2026-11-27T10:00:00Z"), null, false, 42,
                "quick", new MeasurementSettings(1, 1, 3, 100));
        var ok = new ConfigurationResult(new Configuration("native", "sum", null, 1024, 2), Status.OK, null,
                List.of(List.of(10.0, 11.0, 12.0)), "00000000000000ff", "00000000000000ff", 1.5, null,
                Instant.parse("2026-11-27T10:00:01Z"), List.of());
        var failed = new ConfigurationResult(new Configuration("jvm", "sort", "jdk", 1024, 1), Status.FAILED, "boom",
                List.of(), null, "00000000000000aa", null, null, Instant.parse("2026-11-27T10:00:02Z"), List.of("note"));
        return new RunDocument(RunDocument.FORMAT, RunDocument.VERSION, info, env, List.of(ok, failed), null);
    }

    @Test
    void aWrittenDocumentReadsBackEqual() {
        Path file = dir.resolve("out/results.json");
        ResultsWriter.write(sample(), file);
        assertEquals(sample(), ResultsReader.read(file));
        try (var files = list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary files are left behind");
        }
    }

    @Test
    void statusesAreWrittenInLowerCaseAndNullsAreLeftOut() throws IOException {
        Path file = dir.resolve("results.json");
        ResultsWriter.write(sample(), file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"status\" : \"ok\""), json);
        assertTrue(json.contains("\"status\" : \"failed\""), json);
        assertFalse(json.contains("\"finished\""), "null fields are omitted");
    }

    @Test
    void refusesWhatIsNotAParbenchDocumentOfThisVersion() throws IOException {
        assertRefused("missing.json", null, "No such results file");
        assertRefused("broken.json", "{\"format\": \"parbench-results\", ", "is not valid JSON");
        assertRefused("other.json", "{\"hello\": 1}", "is not a parbench results document");
        assertRefused("array.json", "[1, 2]", "is not a parbench results document");
        assertRefused("future.json", "{\"format\": \"parbench-results\", \"version\": 99}", "has results format version 99");
        assertRefused("empty.json", "", "is not a parbench results document");
        assertRefused("norun.json", "{\"format\": \"parbench-results\", \"version\": 1, \"configurations\": []}", "lacks \"run\"");
        assertRefused("badtype.json", "{\"format\": \"parbench-results\", \"version\": 1, \"configurations\": 5}", "malformed");
    }

    private void assertRefused(String name, String content, String expected) throws IOException {
        Path file = dir.resolve(name);
        if (content != null) Files.writeString(file, content);
        UserError e = assertThrows(UserError.class, () -> ResultsReader.read(file), name);
        assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
    }

    private static java.util.stream.Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
