package io.parbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ResultsDocumentTest {

    @TempDir Path dir;

    public static RunDocument sample() {
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
        return new RunDocument(RunDocument.FORMAT, RunDocument.VERSION, info, env, List.of(), List.of(ok, failed));
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
    void derivedSectionsAreWrittenForOtherToolsAndNotReadBack() throws IOException {
        Path file = dir.resolve("results.json");
        ResultsWriter.write(sample(), Map.of("analysis", Map.of("series", List.of())), file);
        assertTrue(Files.readString(file).contains("\"analysis\" : {"), Files.readString(file));
        assertEquals(sample(), ResultsReader.read(file));
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
        assertRefused("comparison.json", "{\"format\": \"parbench-comparison\", \"version\": 1}", "is a comparison written by 'parbench compare', not a run's results: its decisions and report come from 'parbench compare --from");
        assertRefused("norun.json", "{\"format\": \"parbench-results\", \"version\": 1, \"configurations\": []}", "lacks \"run\"");
        assertRefused("badtype.json", "{\"format\": \"parbench-results\", \"version\": 1, \"configurations\": 5}",
                "\"configurations\" = 5, which is not a list");
    }

    /** The one set of rules every command that reads results applies (report, gate, export, compare). */
    @Test
    void refusesDamagedDocuments() throws IOException {
        var good = sample().configurations().getFirst();
        assertDamaged("twice", List.of(good, good), "lists native/sum/1024@W2 twice");
        assertDamaged("no samples", List.of(withSamples(good, List.of())), "native/sum/1024@W2 has status ok but no samples");
        assertDamaged("NaN", List.of(withSamples(good, List.of(List.of(1.0, Double.NaN)))), "a sample of NaN steps/s (fork 1)");
        assertDamaged("negative", List.of(withSamples(good, List.of(List.of(1.0), List.of(-3.0)))), "a sample of -3.0 steps/s (fork 2)");
        assertDamaged("zero", List.of(withSamples(good, List.of(List.of(0.0)))), "a sample of 0.0 steps/s");
        var noWorkers = new ConfigurationResult(new Configuration("native", "sum", null, 1024, 0), Status.OK, null,
                good.samples(), null, null, null, null, null, List.of());
        assertDamaged("0 workers", List.of(noWorkers), "native/sum/1024@W0 has 0 workers");
        var noEngine = new ConfigurationResult(new Configuration(null, "sum", null, 1024, 1), Status.FAILED, "x",
                List.of(), null, null, null, null, null, List.of());
        assertDamaged("no engine", List.of(noEngine), "configuration 1 has no engine");
    }

    @Test
    void accountingReadsBackEqualAndIsCheckedAgainstTheSamples() throws IOException {
        var good = sample().configurations().getFirst();
        var pool = new PoolAccounting("pb_pool", List.of(new PoolAccounting.WorkerTimes(90L, 5L, 5L, 0L, 0L, 3L, 2L, 2L, 7L),
                PoolAccounting.WorkerTimes.busy(80)), 40L);
        var machine = new MachineAccounting(List.of(new MachineAccounting.ThreadTimes("pb-worker-1", 85, 4)),
                new MachineAccounting.OtherProcesses(30, 200), null);
        var two = withSamples(good, List.of(List.of(10.0), List.of(11.0)));
        var accounted = withAccounting(two, Arrays.asList(new PointAccounting(1, 100, 40, pool, machine), null));
        RunDocument doc = sample();
        RunDocument withAccounting = new RunDocument(doc.format(), doc.version(), doc.run(), doc.environment(), doc.forks(),
                List.of(accounted));
        Path file = dir.resolve("accounted.json");
        ResultsWriter.write(withAccounting, file);
        assertEquals(withAccounting, ResultsReader.read(file));
        assertTrue(Files.readString(file).contains("\"source\" : \"pb_pool\""));

        assertDamaged("accounting length", List.of(withAccounting(two, List.of(new PointAccounting(1, 100, 40, pool, null)))),
                "native/sum/1024@W2 has 2 lists of \"samples\" but 1 entries of \"accounting\"");
        var negative = new PoolAccounting("pb_pool", List.of(PoolAccounting.WorkerTimes.busy(-1)), null);
        assertDamaged("negative time", List.of(withAccounting(two, Arrays.asList(null, new PointAccounting(1, 100, 40, negative, null)))),
                "native/sum/1024@W2 has a negative time or count in its \"accounting\"");
    }

    @Test
    void blocksAddUpWorkerByWorker() {
        var a = new PointAccounting(1, 100, 4, new PoolAccounting("pb_pool", List.of(PoolAccounting.WorkerTimes.busy(60),
                PoolAccounting.WorkerTimes.busy(50)), 4L), null);
        var b = new PointAccounting(1, 200, 6, new PoolAccounting("pb_pool", List.of(PoolAccounting.WorkerTimes.busy(150),
                PoolAccounting.WorkerTimes.busy(120)), 6L), null);
        assertEquals(new PointAccounting(2, 300, 10, new PoolAccounting("pb_pool", List.of(PoolAccounting.WorkerTimes.busy(210),
                PoolAccounting.WorkerTimes.busy(170)), 10L), null), PointAccounting.sum(List.of(a, b)));
        assertEquals(null, PointAccounting.sum(Arrays.asList(a, null)), "a sum over some of the blocks is not the fork's");

        var given = new MachineAccounting(List.of(new MachineAccounting.ThreadTimes("pb-worker-1", 80, 5)),
                new MachineAccounting.OtherProcesses(10, 200), null);
        var alsoGiven = new MachineAccounting(List.of(new MachineAccounting.ThreadTimes("pb-worker-1", 150, 20)),
                new MachineAccounting.OtherProcesses(90, 400), null);
        var machines = PointAccounting.sum(List.of(a.withMachine(given), b.withMachine(alsoGiven))).machine();
        assertEquals(List.of(new MachineAccounting.ThreadTimes("pb-worker-1", 230, 25)), machines.threads());
        assertEquals(new MachineAccounting.OtherProcesses(100, 600), machines.otherProcesses());
        assertEquals(1 / 6.0, MachineAccounting.otherProcessesShare(List.of(given, alsoGiven)), 1e-12);
        var notMeasured = new MachineAccounting(given.threads(), null);
        assertEquals(null, PointAccounting.sum(List.of(a.withMachine(given), b.withMachine(notMeasured))).machine().otherProcesses());
        assertEquals(null, MachineAccounting.otherProcessesShare(List.of(given, notMeasured)));
    }

    @Test
    void aFailedConfigurationNeedsNoSamples() {
        ResultsValidator.validate("doc", sample()); // sample() holds a failed configuration without samples
    }

    private void assertDamaged(String what, List<ConfigurationResult> configurations, String expected) {
        RunDocument doc = sample();
        RunDocument damaged = new RunDocument(doc.format(), doc.version(), doc.run(), doc.environment(), doc.forks(), configurations);
        Path file = dir.resolve(what.replace(' ', '-') + ".json");
        ResultsWriter.write(damaged, file);
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(file), what);
        assertTrue(e.getMessage().startsWith(file + " is a damaged results document: ") && e.getMessage().contains(expected),
                what + ": " + e.getMessage());
    }

    private static ConfigurationResult withSamples(ConfigurationResult r, List<List<Double>> samples) {
        return new ConfigurationResult(r.configuration(), r.status(), r.reason(), samples, r.checksum(), r.expectedChecksum(),
                r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes());
    }

    private static ConfigurationResult withAccounting(ConfigurationResult r, List<PointAccounting> accounting) {
        return new ConfigurationResult(r.configuration(), r.status(), r.reason(), r.samples(), r.sources(), r.checksum(),
                r.expectedChecksum(), r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes(), r.adapter(), accounting);
    }

    private void assertRefused(String name, String content, String expected) throws IOException {
        Path file = dir.resolve(name);
        if (content != null) Files.writeString(file, content);
        ResultsException e = assertThrows(ResultsException.class, () -> ResultsReader.read(file), name);
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
