package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.report.ReportFixtures;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.ForkRecord;
import io.parbench.results.ResultsDocumentTest;
import io.parbench.results.ResultsWriter;
import io.parbench.results.RunDocument;
import io.parbench.results.SampleSource;
import io.parbench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command that reads results gives a damaged document the same verdict: exit 2, one message. */
class DamagedResultsTest {

    @TempDir Path dir;

    @Test
    void anOkConfigurationWithoutSamplesIsRefusedByEveryCommand() {
        Path file = dir.resolve("damaged.json");
        ResultsWriter.write(withoutSamples(ReportFixtures.healthy()), file);
        String message = assertEveryCommandRefuses(file, null);
        assertTrue(message.startsWith("error: " + file + " is a damaged results document: ") && message.contains("has status ok but no samples"),
                message);
    }

    /**
     * Hand-edited or foreign documents: each refused by every command with one sentence that names
     * the configuration and the field (never the JSON library's own words).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "11.0 | NaN        | native/sum/1024@W2 has a sample of NaN steps/s (fork 1), and throughputs are positive and finite",
        "11.0 | Infinity   | native/sum/1024@W2 has a sample of Infinity steps/s (fork 1), and throughputs are positive and finite",
        "11.0 | -Infinity  | native/sum/1024@W2 has a sample of -Infinity steps/s (fork 1), and throughputs are positive and finite",
        "11.0 | null       | native/sum/1024@W2 has a sample of null steps/s (fork 1), and throughputs are positive and finite",
        "'\"engine\" : \"chromium\",' | '' | environment.engines.chromium has no \"engine\"",
        "11.0 | '\"fast\"' | configuration 1 (native/sum/1024@W2) has \"samples\" [fork 1, sample 2] = \"fast\", which is not a number",
        "'\"ok\"' | '\"great\"' | configuration 1 (native/sum/1024@W2) has \"status\" = \"great\", which is not one of ok, failed, fallback",
        "'\"workers\" : 2' | '\"workers\" : \"two\"' | configuration 1 (native/sum/1024@Wtwo) has \"configuration.workers\" = \"two\", which is not a whole number",
        "'\"seed\" : 42' | '\"seed\" : [ ]' | \"run.seed\" = a list, which is not a whole number",
    })
    void aHandEditedDocumentIsRefusedNamingTheConfigurationAndField(String from, String to, String expected) throws Exception {
        assertRefusedOnceEdited(ResultsDocumentTest.sample(), from, to, expected);
    }

    /** Version 2's forks and sample sources: a fork named by its place and series, sources that do not match the samples. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"status\" : \"ok\",\n    \"blocksPlanned\"' | '\"status\" : \"great\",\n    \"blocksPlanned\"' | fork 1 (native/sum/1024) has \"status\" = \"great\", which is not one of ok, failed, fallback",
        "'\"fork\" : 1' | '\"fork\" : 9' | native/sum/1024@W2 has samples from fork 9, which is not in \"forks\"",
        "'\"positions\" : [ 0, 1, 2 ]' | '\"positions\" : [ 0, 1 ]' | native/sum/1024@W2 has 3 samples from fork 1 but 2 \"positions\" for them, and each sample has one",
        "'\"positions\" : [ 0, 1, 2 ]' | '\"positions\" : [ 0, \"x\", 2 ]' | configuration 1 (native/sum/1024@W2) has \"sources.positions\" [item 1, item 2] = \"x\", which is not a whole number",
    })
    void aHandEditedForkOrSourceIsRefusedNamingWhere(String from, String to, String expected) throws Exception {
        assertRefusedOnceEdited(withForkAndSources(ResultsDocumentTest.sample()), from, to, expected);
    }

    /** {@code doc} written, its first {@code from} replaced by {@code to}: every command refuses it, saying {@code expected}. */
    private void assertRefusedOnceEdited(RunDocument doc, String from, String to, String expected) throws Exception {
        Path file = dir.resolve("edited.json");
        ResultsWriter.write(doc, file);
        String json = Files.readString(file);
        assertTrue(json.contains(from), json);
        Files.writeString(file, json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        assertEveryCommandRefuses(file, "error: " + file + " is a damaged results document: " + expected
                + ". Re-run the benchmark to get a well-formed document.\n");
    }

    @Test
    void aCutOffDocumentSaysSoAndWhere() throws Exception {
        Path file = dir.resolve("cut.json");
        ResultsWriter.write(ResultsDocumentTest.sample(), file);
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.length() / 2));
        String message = assertEveryCommandRefuses(file, null);
        assertTrue(message.startsWith("error: " + file + " is not valid JSON: it ends early (at line "), message);
        assertTrue(message.endsWith(", as a file cut off while being written or copied does. Is it a parbench results file?\n"), message);
        assertFalse(message.contains("Source") || message.contains("REDACTED") || message.contains("marker"), message);
    }

    /** A run stopped before its first configuration ended: nothing to report, gate or export, said alike by all three. */
    @Test
    void aDocumentWithoutConfigurationsIsRefusedByEveryCommandAlike() {
        Path file = dir.resolve("empty.json");
        ResultsWriter.write(ReportFixtures.empty(), file);
        assertEveryCommandRefuses(file, "error: " + file + " holds no configurations: the run that wrote it was stopped before its first"
                + " configuration ended, so there is nothing to report, gate or export. Re-run 'parbench run' and let it measure at least"
                + " one configuration.\n");
    }

    /** @return the one message every command printed (checked against {@code expected} when given) */
    private String assertEveryCommandRefuses(Path file, String expected) {
        List<CommandRun> runs = List.of(
                CommandRun.of("report", file.toString(), "--out", dir.resolve("r.html").toString()),
                CommandRun.of("gate", "--current", file.toString()),
                CommandRun.of("gate", "--baseline", file.toString(), "--current", file.toString()),
                CommandRun.of("export", file.toString(), "--format", "csv"));
        for (CommandRun run : runs) {
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
            if (expected != null) {
                assertEquals(expected, run.err());
            }
            assertFalse(run.err().contains("\tat ") || run.err().contains("Exception") || run.err().contains("Jackson")
                    || run.err().contains("JsonReadFeature") || run.err().contains("deserialize"), run.err());
        }
        assertEquals(1, runs.stream().map(CommandRun::err).distinct().count(), "the same message from every command");
        return runs.getFirst().err();
    }

    /** The sample as version 2 writes it: its ok configuration's samples from fork 1, at positions 0 to 2. */
    private static RunDocument withForkAndSources(RunDocument doc) {
        ConfigurationResult ok = doc.configurations().getFirst();
        ForkRecord fork = new ForkRecord(1, ok.configuration().series(), List.of(ok.configuration().workers()), Status.OK, null, 3, 3,
                null, null, null, 1, doc.run().started(), List.of());
        List<ConfigurationResult> configurations = new ArrayList<>(doc.configurations());
        configurations.set(0, new ConfigurationResult(ok.configuration(), ok.status(), ok.reason(), ok.samples(),
                List.of(new SampleSource(1, List.of(0, 1, 2))), ok.checksum(), ok.expectedChecksum(), ok.poolStartupMillis(),
                ok.mainThreadMaxGapMillis(), ok.measuredAt(), ok.notes()));
        return new RunDocument(doc.format(), doc.version(), doc.run(), doc.environment(), List.of(fork), configurations);
    }

    /** The healthy fixture with its first ok configuration's samples gone. */
    private static RunDocument withoutSamples(RunDocument doc) {
        List<ConfigurationResult> configurations = new ArrayList<>(doc.configurations());
        int first = configurations.indexOf(configurations.stream().filter(r -> r.status() == Status.OK).findFirst().orElseThrow());
        ConfigurationResult r = configurations.get(first);
        configurations.set(first, new ConfigurationResult(r.configuration(), r.status(), r.reason(), List.of(), r.checksum(),
                r.expectedChecksum(), r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes()));
        return new RunDocument(doc.format(), doc.version(), doc.run(), doc.environment(), doc.forks(), configurations);
    }
}
