package io.parbench.report;

import io.parbench.analysis.AmdahlFit;
import io.parbench.analysis.EngineRatio;
import io.parbench.analysis.SampleStats;
import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.analysis.UslFit;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The tables of a kernel in one document: every configuration (failed ones included) with its
 * statistics, the scaling models fitted per series, and the engine ratios per worker count.
 */
final class KernelTables {

    private KernelTables() {}

    static void results(Html html, List<KernelSeries> series) {
        html.open("table", "results").raw("<thead><tr><th>Engine</th><th class=\"num\">W</th><th>Status</th>"
                + "<th class=\"num\">Throughput<br><small>" + KernelSeries.unit(series) + "/s · 95% CI</small></th>"
                + "<th class=\"num\">Step time<br><small>at the mean</small></th>"
                + "<th class=\"num\">Speedup<br><small>× · 95% CI</small></th>"
                + "<th class=\"num\">Efficiency</th><th class=\"num\">Karp–Flatt<br><small>serial fraction</small></th>"
                + "<th class=\"num\">CV</th><th>Notes</th></tr></thead><tbody>");
        for (KernelSeries s : series) {
            for (ConfigurationResult result : s.results()) {
                row(html, s, result, result == s.results().getFirst());
            }
        }
        html.raw("</tbody>").close("table");
    }

    private static void row(Html html, KernelSeries s, ConfigurationResult result, boolean firstOfSeries) {
        int w = result.configuration().workers();
        Optional<ScalingPoint> point = result.status() == Status.FAILED || s.analysis() == null
                ? Optional.empty()
                : s.analysis().points().stream().filter(p -> p.workers() == w).findFirst();
        String status = result.status().id();
        html.openWith("tr", "class=\"status-" + status + (firstOfSeries ? " series-start" : "")
                + "\" data-engine=\"" + Html.escape(s.key().engine()) + "\" data-workers=\"" + w + "\"");
        html.open("td", "engine").raw(Fragments.swatch(s.key().engine())).text(s.label()).close("td");
        html.element("td", "num", String.valueOf(w));
        html.open("td", null).element("span", "badge " + status, status).close("td");
        if (point.isEmpty()) {
            html.raw("<td class=\"num\">–</td>".repeat(6));
            html.element("td", "notes", notes(result, null));
            html.close("tr");
            return;
        }
        ScalingPoint p = point.get();
        SampleStats t = p.throughput();
        withInterval(html, Format.si(t.mean()), t.n() > 1 ? Format.range(Format.si(t.ciLow()), Format.si(t.ciHigh())) : "n = 1");
        html.element("td", "num", Format.stepTime(t.mean()));
        if (p.speedup() == null) {
            html.element("td", "num", "–");
        } else {
            withInterval(html, Format.times(p.speedup()) + (p.beyondLimit() == null ? "" : " " + DecompositionWording.mark(p)),
                    p.speedupLow() == null || w == 1
                    ? ""
                    : Format.range(Format.times(p.speedupLow()), Format.times(p.speedupHigh())));
        }
        html.element("td", "num", p.efficiency() == null ? "–" : Format.percent(p.efficiency()));
        html.element("td", "num", p.karpFlatt() == null ? "–" : Format.fraction(p.karpFlatt()));
        html.element("td", t.cv() > Flags.NOISY_CV ? "num noisy" : "num", Format.percent(t.cv()));
        html.element("td", "notes", notes(result, t));
        html.close("tr");
    }

    private static void withInterval(Html html, String value, String interval) {
        html.open("td", "num").text(value);
        if (!interval.isEmpty()) {
            html.element("small", "ci", interval);
        }
        html.close("td");
    }

    private static String notes(ConfigurationResult result, SampleStats stats) {
        List<String> notes = new ArrayList<>();
        if (result.status() == Status.FALLBACK) {
            notes.add("ran single-threaded: " + reason(result));
        } else if (result.status() == Status.FAILED) {
            notes.add(reason(result));
        }
        notes.addAll(Flags.of(result, stats));
        if (!result.notes().isEmpty()) {
            notes.add(result.notes().size() + " note" + (result.notes().size() == 1 ? "" : "s") + " from the engine (see below)");
        }
        return String.join("; ", notes);
    }

    private static String reason(ConfigurationResult result) {
        return result.reason() == null ? "no reason given" : result.reason();
    }

    /** Amdahl and USL fits and the recommended worker count, one row per series, with the analysis' notes below. */
    static void fits(Html html, List<KernelSeries> series) {
        html.open("table", "fits").open("caption", null).text("Scaling models fitted to the measurements").close("caption");
        html.raw("<thead><tr><th>Engine</th><th class=\"num\">Recommended</th><th class=\"num\">Amdahl<br><small>parallel fraction p</small></th>"
                + "<th class=\"num\">Amdahl<br><small>max speedup</small></th><th class=\"num\">USL σ<br><small>contention</small></th>"
                + "<th class=\"num\">USL κ<br><small>coherency</small></th><th class=\"num\">USL peak<br><small>workers</small></th></tr></thead><tbody>");
        List<String> notes = new ArrayList<>();
        for (KernelSeries s : series) {
            SeriesAnalysis a = s.analysis();
            html.open("tr", null).open("td", "engine").raw(Fragments.swatch(s.key().engine())).text(s.label()).close("td");
            if (a == null) {
                html.openWith("td", "colspan=\"6\" class=\"muted\"").text("nothing measured: every configuration failed").close("td");
            } else {
                html.element("td", "num", a.recommendedWorkers() == null ? "–" : "W = " + a.recommendedWorkers());
                AmdahlFit amdahl = a.amdahl();
                withInterval(html, amdahl == null ? "–" : fixed(amdahl.parallelFraction(), 3), amdahl == null ? "" : "± " + fixed(amdahl.standardError(), 3));
                html.element("td", "num", amdahl == null ? "–" : maxSpeedup(amdahl.maxSpeedup()));
                UslFit usl = a.usl();
                withInterval(html, usl == null ? "–" : fixed(usl.contention(), 4), usl == null ? "" : "± " + fixed(usl.contentionStdErr(), 4));
                withInterval(html, usl == null ? "–" : fixed(usl.coherency(), 5), usl == null ? "" : "± " + fixed(usl.coherencyStdErr(), 5));
                html.element("td", "num", usl == null ? "–" : usl.peakWorkers() == null ? "none (keeps rising)" : "W ≈ " + Format.significant(usl.peakWorkers()));
                a.notes().forEach(note -> notes.add(s.label() + ": " + SeriesNoteWording.words(note)));
            }
            html.close("tr");
        }
        html.raw("</tbody>").close("table");
        if (!notes.isEmpty()) {
            html.open("ul", "analysis-notes");
            notes.forEach(note -> html.element("li", null, note));
            html.close("ul");
        }
    }

    private static String maxSpeedup(Double max) {
        return max == null || !Double.isFinite(max) ? "unbounded" : Format.times(max);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Engine-over-baseline throughput ratios: rows are worker counts, columns engine ÷ baseline pairs. */
    static void ratios(Html html, ReportedRun run, String kernel) {
        List<EngineRatio> ratios = run.analysis().ratios().stream().filter(r -> r.kernel().equals(kernel)).toList();
        if (ratios.isEmpty()) {
            return;
        }
        Map<String, Map<Integer, EngineRatio>> columns = new LinkedHashMap<>();
        TreeSet<Integer> workers = new TreeSet<>();
        boolean severalSizes = ratios.stream().map(EngineRatio::size).distinct().count() > 1;
        for (EngineRatio r : ratios) {
            String column = r.engine() + (r.variant() == null ? "" : " (" + r.variant() + ")") + " ÷ " + r.baseline()
                    + (severalSizes ? " n=" + Format.size(r.size()) : "");
            columns.computeIfAbsent(column, c -> new LinkedHashMap<>()).put(r.workers(), r);
            workers.add(r.workers());
        }
        html.open("table", "ratios").open("caption", null)
                .text("Engine ratios: throughput ÷ baseline's at the same W")
                .close("caption");
        html.raw("<thead><tr><th class=\"num\">W</th>");
        columns.keySet().forEach(c -> html.element("th", "num", c));
        html.raw("</tr></thead><tbody>");
        for (int w : workers) {
            html.open("tr", null).element("td", "num", String.valueOf(w));
            for (Map<Integer, EngineRatio> column : columns.values()) {
                EngineRatio r = column.get(w);
                if (r == null) {
                    html.element("td", "num", "–");
                } else {
                    withInterval(html, Format.times(r.ratio()), Format.range(Format.times(r.ratioLow()), Format.times(r.ratioHigh())));
                }
            }
            html.close("tr");
        }
        html.raw("</tbody>").close("table");
    }
}
