package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.report.ReportFixtures;
import io.parbench.results.ResultsWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ExitCodes.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesReportBesideTheFirstResultsByDefault() throws Exception {
        Path results = dir.resolve("latest/results.json");
        ResultsWriter.write(ReportFixtures.healthy(), results);
        assertEquals(ExitCodes.OK, run("report", results.toString()), err.toString());
        Path report = dir.resolve("latest/report.html");
        assertTrue(Files.readString(report).contains("parbench speedup report"));
        assertTrue(out.toString().contains("Report written to " + report), out.toString());
    }

    @Test
    void severalDocumentsGoIntoOneReportAtTheGivenPath() throws Exception {
        Path first = dir.resolve("a.json");
        Path second = dir.resolve("b.json");
        ResultsWriter.write(ReportFixtures.healthy(), first);
        ResultsWriter.write(ReportFixtures.fallbackPartial(), second);
        Path target = dir.resolve("out/both.html");
        assertEquals(ExitCodes.OK, run("report", first.toString(), second.toString(), "--out", target.toString()), err.toString());
        String html = Files.readString(target);
        assertTrue(html.contains("Run 1: laptop-a"));
        assertTrue(html.contains("Run 2: ci-runner-7"));
    }

    /** One run given twice (or a copy of it): its series share their names in every chart, and the report is written. */
    @Test
    void theSameDocumentTwiceIsReported() throws Exception {
        Path results = dir.resolve("a.json");
        ResultsWriter.write(ReportFixtures.healthy(), results);
        Path target = dir.resolve("twice.html");
        assertEquals(ExitCodes.OK, run("report", results.toString(), results.toString(), "--out", target.toString()), err.toString());
        assertTrue(Files.readString(target).contains("Run 2: laptop-a"));
    }

    @Test
    void aMissingFileIsAClearErrorWithExitCode2() {
        assertEquals(ExitCodes.BAD_INPUT, run("report", dir.resolve("nope.json").toString()));
        assertTrue(err.toString().startsWith("error: No such results file: "), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void malformedJsonIsAClearErrorWithExitCode2() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"parbench-results\", ");
        assertEquals(ExitCodes.BAD_INPUT, run("report", bad.toString()));
        assertTrue(err.toString().contains("is not valid JSON"), err.toString());
    }

    @Test
    void anUnknownVersionIsAClearErrorWithExitCode2() throws Exception {
        Path future = Files.writeString(dir.resolve("future.json"), "{\"format\": \"parbench-results\", \"version\": 99}");
        assertEquals(ExitCodes.BAD_INPUT, run("report", future.toString()));
        assertTrue(err.toString().contains("has results format version 99"), err.toString());
    }

    @Test
    void anEmptyRunIsAClearErrorWithExitCode2() {
        Path empty = dir.resolve("empty.json");
        ResultsWriter.write(ReportFixtures.empty(), empty);
        assertEquals(ExitCodes.BAD_INPUT, run("report", empty.toString()));
        assertTrue(err.toString().contains("holds no configurations"), err.toString());
        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertEquals(ExitCodes.BAD_INPUT, run("report"));
        assertTrue(err.toString().contains("RESULTS.json"), err.toString());
    }
}
