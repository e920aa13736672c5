package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.report.ReportFixtures;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.ResultsWriter;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that reads results gives a damaged document the same verdict: exit 2, one message. */
class DamagedResultsTest {

    @TempDir Path dir;

    @Test
    void anOkConfigurationWithoutSamplesIsRefusedByEveryCommand() {
        Path file = dir.resolve("damaged.json");
        ResultsWriter.write(withoutSamples(ReportFixtures.healthy()), file);
        String expected = "error: " + file + " is a damaged results document: ";

        List<CommandRun> runs = List.of(
                CommandRun.of("report", file.toString(), "--out", dir.resolve("r.html").toString()),
                CommandRun.of("gate", "--current", file.toString()),
                CommandRun.of("gate", "--baseline", file.toString(), "--current", file.toString()),
                CommandRun.of("export", file.toString(), "--format", "csv"));

        for (CommandRun run : runs) {
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
            assertTrue(run.err().startsWith(expected) && run.err().contains("has status ok but no samples"), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        }
        assertEquals(1, runs.stream().map(CommandRun::err).distinct().count(), "the same message from every command");
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
