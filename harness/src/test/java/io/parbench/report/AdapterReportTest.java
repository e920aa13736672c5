package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analysis.Analyzer;
import io.parbench.results.RunDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the report and the terminal say of a byo run: the adapter's unit, the checksum and whether
 * it was verified, the threads its pages ran (capped where fewer than asked), the await floor of
 * an async step, the modules' verdict, and the browser on every series and fleet row.
 */
class AdapterReportTest {

    @Test
    void theAdaptersUnitChecksumThreadsAndModulesAreShown() {
        String html = HtmlReport.render(List.of(ReportFixtures.byo("firefox", "153.8.0", 2, null)));

        assertTrue(html.contains("Throughput<br><small>matMuls/s · 95% CI</small>"), "the table's unit");
        assertTrue(html.contains("Mean matMuls per second"), "the throughput chart's caption");
        assertFalse(html.contains("steps/s"), "no step is called a step when the adapter calls it a matMul");
        assertTrue(html.contains("<strong>byo/firefox</strong>: one step is one matMul. Checksum 9f2c41d07a3b55e1, the same at every "
                + "worker count and fork: verified."), html);
        assertTrue(html.contains("Threads the page ran (the driver and every worker it started that ran a thread): W=1: 1, W=2: 2, "
                + "W=4: 2 (capped at 2); its threads() said W=1: 1, W=2: 2, W=4: 2."), html);
        assertTrue(html.contains("Modules (parbench inspect): tfjs-backend-wasm-threaded-simd.wasm is threads-ready."), html);
        assertTrue(html.contains("capped at 2 threads: the page ran fewer threads than the 4 workers asked for"), "flagged in the table and the problems");
        assertTrue(html.contains("parbench inspect on the modules the pages instantiated: byo: tfjs-backend-wasm-threaded-simd.wasm is "
                + "threads-ready"), "the checklist's module item");
        assertFalse(html.contains("step() returns a promise"), "a synchronous step has no await floor");
    }

    @Test
    void anAsyncStepsAwaitFloorIsShownAgainstTheStep() {
        String html = HtmlReport.render(List.of(ReportFixtures.byo("chromium", "156.0.8078.114", 4, 0.5)));
        assertTrue(html.matches("(?s).*step\\(\\) returns a promise: awaiting one costs parbench 0\\.500 µs per step, at most 0\\.\\d+% of a "
                + "step \\(measured on the page with an empty async step; included in the figures, not subtracted\\)\\..*"), html);

        String negligible = HtmlReport.render(List.of(ReportFixtures.byo("chromium", "156.0.8078.114", 4, 0.01)));
        assertTrue(negligible.contains("awaiting one costs parbench 0.0100 µs per step, under 0.01% of a step"), "not a misleading 0.00%");
    }

    @Test
    void oneAdapterInThreeBrowsersNamesTheBrowserOnEverySeriesAndFleetRow() {
        String html = HtmlReport.render(List.of(ReportFixtures.byo("chromium", "156.0.8078.114", 4, null),
                ReportFixtures.byo("firefox", "153.8.0", 1, null), ReportFixtures.byo("webkit", "2.50.6", 2, null)));

        for (String series : List.of("byo/chromium · run 1", "byo/firefox · run 2", "byo/webkit · run 3")) {
            assertTrue(html.contains(series), series);
        }
        for (String row : List.of("<td>byo (chromium 156.0.8078.114)</td>", "<td>byo (firefox 153.8.0)</td>", "<td>byo (webkit 2.50.6)</td>")) {
            assertTrue(html.contains(row), row);
        }
    }

    @Test
    void theTerminalMarksCappedSpeedups() {
        RunDocument doc = ReportFixtures.byo("firefox", "153.8.0", 1, null);

        String summary = TerminalSummary.render(Analyzer.analyze(doc), doc);

        String line = summary.lines().filter(l -> l.startsWith("tfjs-matmul")).findFirst().orElseThrow();
        assertTrue(line.matches(".*×c +[0-9.]+×c"), line);
        assertTrue(summary.contains("c capped: the page ran fewer threads than workers asked for (tfjs-matmul W=2: 1, tfjs-matmul W=4: 1); "
                + "the library capped its own thread count."), summary);
        assertEquals(summary.lines().count(), 3, summary);
    }
}
