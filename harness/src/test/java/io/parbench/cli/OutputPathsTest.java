package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.report.ReportFixtures;
import io.parbench.results.ResultsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every file a command writes, given where it cannot go (a folder in its place, a file where its
 * folder should be): one sentence and exit 2, before any work, and nothing written.
 */
class OutputPathsTest {

    @TempDir Path dir;
    private Path results;
    private Path aFile;
    private Path aFolder;

    @BeforeEach
    void documents() throws Exception {
        results = dir.resolve("results.json");
        ResultsWriter.write(ReportFixtures.healthy(), results);
        aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
        aFolder = Files.createDirectories(dir.resolve("a-folder"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report RESULTS --out OUT                    | the report (--out)",
        "export RESULTS --format csv --out OUT       | the export (--out)",
        "gate --current RESULTS --markdown OUT       | the Markdown verdicts (--markdown)",
        "gate --current RESULTS --junit OUT          | the JUnit XML (--junit)",
        "gate --current RESULTS --json OUT           | the JSON verdicts (--json)",
    })
    void aFolderWhereTheFileGoesIsRefusedBeforeAnyWork(String args, String role) {
        CommandRun run = CommandRun.of(args.replace("RESULTS", results.toString()).replace("OUT", aFolder.toString()).split(" +"));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("error: Could not write " + role + " to " + aFolder + ": it is a folder; give the path of a file.\n", run.err());
        assertEquals("", run.out(), "nothing was judged or written");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report RESULTS --out OUT/report.html                | the report (--out)         | OUT/report.html",
        "export RESULTS --format jmh --out OUT/jmh.json      | the export (--out)         | OUT/jmh.json",
        "gate --current RESULTS --markdown OUT/verdicts.md   | the Markdown verdicts (--markdown) | OUT/verdicts.md",
        "run --engines native --kernels sum --out OUT/x      | the results (--out)        | OUT/x/results.json",
        "compare --engines native --jvm-args -Xint --baseline-jvm-args -Xint2 --out OUT/x | the comparison (--out) | OUT/x/comparison.json",
    })
    void aFileWhereTheFolderShouldBeIsRefusedBeforeAnyWork(String args, String role, String target) {
        CommandRun run = CommandRun.of(args.replace("RESULTS", results.toString()).replace("OUT", aFile.toString()).split(" +"));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("error: Could not write " + role + " to " + target.replace("OUT", aFile.toString()) + ": " + aFile
                + " is a file, not a folder; give a path in a folder.\n", run.err());
        assertFalse(run.err().contains("Plan:") || run.err().contains("waiting"), "refused before any engine or lock: " + run.err());
        assertTrue(Files.isRegularFile(aFile));
    }
}
