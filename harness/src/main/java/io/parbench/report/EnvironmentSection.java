package io.parbench.report;

import io.parbench.results.BrowserProbe;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.RunInfo;
import io.parbench.text.Format;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The machines and runs behind the numbers, one column per document: hardware, software,
 * engines with their facts and browser isolation probe, and the exact command.
 */
final class EnvironmentSection {

    private EnvironmentSection() {}

    static void render(Html html, List<ReportedRun> runs) {
        html.openWith("section", "id=\"environment\"").element("h2", null, "Machines and runs");
        html.open("div", "table-scroll").open("table", "environment");
        html.raw("<thead><tr><th></th>");
        runs.forEach(run -> html.element("th", null, Fragments.runTitle(run)));
        html.raw("</tr></thead><tbody>");
        textRow(html, runs, "Host", run -> run.document().environment().hostname());
        textRow(html, runs, "CPU", run -> run.document().environment().cpuModel());
        textRow(html, runs, "Logical cores", run -> String.valueOf(run.document().environment().logicalCores()));
        textRow(html, runs, "Memory", run -> Format.bytes(run.document().environment().memoryBytes()));
        textRow(html, runs, "OS", run -> run.document().environment().os() + " (" + run.document().environment().arch() + ")");
        textRow(html, runs, "JVM", run -> run.document().environment().jvm());
        textRow(html, runs, "parbench", run -> run.document().run().parbenchVersion());
        textRow(html, runs, "Profile", run -> run.document().run().profile());
        textRow(html, runs, "Seed", run -> String.valueOf(run.document().run().seed()));
        textRow(html, runs, "Measurement", run -> settings(run.document().run().settings()));
        row(html, runs, "Forks", run -> forks(run));
        textRow(html, runs, "Started", run -> Format.instant(run.document().run().started()));
        textRow(html, runs, "Finished", EnvironmentSection::finished);
        row(html, runs, "Command", run -> "<pre class=\"command\"><code>"
                + Html.escape(Format.commandLine(run.document().run().commandLine())) + "</code></pre>");
        row(html, runs, "Engines", run -> engines(run.document().environment()));
        html.raw("</tbody>").close("table").close("div").close("section");
    }

    private static void textRow(Html html, List<ReportedRun> runs, String label, Function<ReportedRun, String> value) {
        row(html, runs, label, run -> Html.escape(value.apply(run) == null ? "unknown" : value.apply(run)));
    }

    private static void row(Html html, List<ReportedRun> runs, String label, Function<ReportedRun, String> markup) {
        html.open("tr", null).element("th", null, label);
        runs.forEach(run -> html.open("td", null).raw(markup.apply(run)).close("td"));
        html.close("tr");
    }

    private static String settings(MeasurementSettings s) {
        if (s == null) {
            return "unknown";
        }
        return s.forks() + " fork" + (s.forks() == 1 ? "" : "s") + " × (" + s.warmupIterations() + " warm-up + "
                + s.iterations() + " measured iterations of " + Format.millis(s.iterationMillis()) + " per worker count)";
    }

    private static String forks(ReportedRun run) {
        List<String> lines = ForkSummary.perEngine(run.document());
        if (lines.isEmpty()) {
            return "<span class=\"muted\">not recorded (a document from before forks measured curves)</span>";
        }
        return lines.stream().map(Html::escape).collect(Collectors.joining("<br>"));
    }

    private static String finished(ReportedRun run) {
        RunInfo info = run.document().run();
        if (!info.complete()) {
            return "not finished: partial run (interrupted or still running)";
        }
        return Format.instant(info.finished()) + " (took " + Format.duration(info.started(), info.finished()) + ")";
    }

    private static String engines(Environment environment) {
        Html html = new Html();
        Map<String, EngineFacts> sorted = new TreeMap<>(Palette.ENGINE_ORDER);
        sorted.putAll(environment.engines());
        if (sorted.isEmpty()) {
            return "<span class=\"muted\">none recorded</span>";
        }
        for (EngineFacts e : sorted.values()) {
            html.open("div", "engine-facts").open("p", null).raw(Fragments.swatch(e.engine())).element("strong", null, e.engine())
                    .text(e.available() ? " — available" : " — unavailable: " + e.reason()).close("p");
            if (!e.available() && e.fix() != null) {
                html.open("p", "fix").element("strong", null, "Fix: ").text(e.fix()).close("p");
            }
            Map<String, String> facts = new LinkedHashMap<>(new TreeMap<>(e.facts()));
            if (e.browser() != null) {
                facts.putAll(browserFacts(e.browser()));
            }
            if (!facts.isEmpty()) {
                html.open("dl", null);
                facts.forEach((k, v) -> html.element("dt", null, k).element("dd", null, v));
                html.close("dl");
            }
            html.close("div");
        }
        return html.toString();
    }

    private static Map<String, String> browserFacts(BrowserProbe b) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("browser", b.browser() + " " + b.version());
        facts.put("user agent", b.userAgent());
        facts.put("hardwareConcurrency", String.valueOf(b.hardwareConcurrency()));
        facts.put("COOP/COEP served", yesNo(b.isolationServed()));
        facts.put("crossOriginIsolated", String.valueOf(b.crossOriginIsolated()));
        facts.put("SharedArrayBuffer", b.sharedArrayBuffer() ? "available" : "undefined");
        facts.put("timer resolution", Format.millis(b.timerResolutionMillis()));
        facts.put("WASM threads", b.wasmThreads() ? "yes" : "no" + (b.wasmThreadsError() == null ? "" : ": " + b.wasmThreadsError()));
        return facts;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
