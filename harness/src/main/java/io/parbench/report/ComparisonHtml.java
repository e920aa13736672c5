package io.parbench.report;

import io.parbench.results.AtomicFile;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.SeriesKey;
import io.parbench.text.Format;
import io.parbench.verdict.Check;
import io.parbench.verdict.Comparison;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.Metric;
import io.parbench.verdict.Text;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The HTML page of a comparison, in the run report's look (report.css): the verdict and every
 * check first, then per series both sides' speedup curves on one chart and B/A (throughput and
 * speedup) with its interval per worker count, on an axis around 1 (no change). Self-contained:
 * inline CSS and SVG, no scripts.
 */
public final class ComparisonHtml {

    private static final Color SIDE_A = new Color(0xff7f0e);
    private static final Color SIDE_B = new Color(0x1f77b4);
    private static final Color SPEEDUP_RATIO = new Color(0xd62728);
    /** B/A is drawn on at least 0.8 to 1.2, widened only as far as an interval needs, so a 5% change is visible. */
    private static final double RATIO_AXIS_HALF_WIDTH = 0.2;

    private ComparisonHtml() {}

    public static void write(ComparisonDocument document, GateReport report, Path out) {
        try {
            AtomicFile.write(out, render(document, report).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report to " + out + ": " + e.getMessage(), e);
        }
    }

    static String render(ComparisonDocument document, GateReport report) {
        Html html = new Html();
        html.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .element("title", null, "parbench comparison")
                .raw("<style>").raw(HtmlReport.stylesheet()).raw("</style></head><body>");
        html.open("header", null).element("h1", null, "parbench comparison")
                .element("p", "subtitle", report.baseline().label() + " → " + report.current().label()).close("header");
        html.open("main", null);
        html.openWith("section", "id=\"verdict\"").element("h2", null, "Verdict");
        html.element("p", "headline " + (report.passed() ? "state-pass" : "state-fail"), report.summary());
        table(html, report);
        html.open("ul", "muted").element("li", null, "how: " + report.method());
        report.notes().forEach(note -> html.element("li", null, note));
        html.close("ul").close("section");
        Map<SeriesKey, List<Comparison>> bySeries = new TreeMap<>(Comparator.comparing(SeriesKey::label));
        for (Check check : report.checks()) {
            if (check instanceof Comparison c) {
                bySeries.computeIfAbsent(c.configuration().series(), k -> new ArrayList<>()).add(c);
            }
        }
        bySeries.forEach((series, comparisons) -> series(html, series, comparisons));
        html.close("main");
        return html.raw("<footer>Rounds, forks and raw samples: comparison.json (" + Html.escape(document.format()) + ", version "
                + document.version() + ").</footer></body></html>\n").toString();
    }

    private static void series(Html html, SeriesKey series, List<Comparison> comparisons) {
        List<Comparison> throughput = sorted(comparisons, Metric.THROUGHPUT);
        List<Comparison> speedup = sorted(comparisons, Metric.SPEEDUP);
        html.open("section", null).element("h2", null, series.label());
        html.element("p", "muted", "Speedup: A orange dashed, B blue, ideal grey dashed. B/A: throughput blue, speedup red, bars the"
                + " decision's interval; 1 is no change.");
        html.open("div", "charts");
        if (!speedup.isEmpty()) {
            double[] w = workers(speedup, true);
            chart(html, new ChartSpec("Speedup, A and B", "workers", "speedup", Format::tick, false, List.of(
                    ChartSpec.Line.reference("ideal", w, w),
                    ChartSpec.Line.data("A", SIDE_A, 0, true, w, withOne(speedup, true), null, null),
                    ChartSpec.Line.data("B", SIDE_B, 1, false, w, withOne(speedup, false), null, null))), idOf(series, "s"));
        }
        List<ChartSpec.Line> ratios = new ArrayList<>();
        ratios.add(ratioLine("throughput B/A", SIDE_B, 1, throughput));
        if (!speedup.isEmpty()) {
            ratios.add(ratioLine("speedup B/A", SPEEDUP_RATIO, 2, speedup));
        }
        double[] all = workers(throughput, false);
        ratios.add(ChartSpec.Line.reference("no change", all, ones(all.length)));
        chart(html, new ChartSpec("B/A with its interval", "workers", "B / A", Format::tick, false, ratios, ratioAxis(ratios)),
                idOf(series, "r"));
        html.close("div").close("section");
    }

    private static void chart(Html html, ChartSpec spec, String id) {
        html.open("div", "chart-box").raw(Charts.svg(spec, id)).close("div");
    }

    /** 1 ± {@value #RATIO_AXIS_HALF_WIDTH}, widened to hold every value and interval with a little room. */
    static double[] ratioAxis(List<ChartSpec.Line> lines) {
        double low = 1 - RATIO_AXIS_HALF_WIDTH;
        double high = 1 + RATIO_AXIS_HALF_WIDTH;
        for (ChartSpec.Line line : lines) {
            for (double[] values : new double[][] {line.y(), line.low(), line.high()}) {
                for (double v : values == null ? new double[0] : values) {
                    low = Math.min(low, v * 0.95);
                    high = Math.max(high, v * 1.05);
                }
            }
        }
        return new double[] {Math.max(0, low), high};
    }

    private static ChartSpec.Line ratioLine(String name, Color colour, int marker, List<Comparison> comparisons) {
        double[] x = workers(comparisons, false);
        double[] y = comparisons.stream().mapToDouble(c -> 1 + c.decision().change()).toArray();
        double[] low = comparisons.stream().mapToDouble(c -> 1 + orElse(c.decision().changeLow(), c.decision().change())).toArray();
        double[] high = comparisons.stream().mapToDouble(c -> 1 + orElse(c.decision().changeHigh(), c.decision().change())).toArray();
        return ChartSpec.Line.data(name, colour, marker, false, x, y, low, high);
    }

    private static void table(Html html, GateReport report) {
        html.open("div", "table-scroll").open("table", null).raw("<thead><tr><th>verdict</th><th>configuration</th><th>check</th>"
                + "<th class=\"num\">A</th><th class=\"num\">B</th><th class=\"num\">change</th><th>why</th></tr></thead><tbody>");
        for (Check check : report.checks()) {
            html.open("tr", report.fails(check) ? "status-failed" : null)
                    .element("td", report.fails(check) ? "unavailable" : null, check.verdict().label())
                    .element("td", "config", check.configuration().label())
                    .element("td", null, check.subject());
            if (check instanceof Comparison c) {
                html.element("td", "num", Format.significant(c.baseline())).element("td", "num", Format.significant(c.current()))
                        .element("td", "num", Text.change(c.decision().change()));
            } else {
                html.raw("<td></td><td></td><td></td>");
            }
            html.element("td", "detail", check.reason()).close("tr");
        }
        html.raw("</tbody>").close("table").close("div");
    }

    private static List<Comparison> sorted(List<Comparison> comparisons, Metric metric) {
        return comparisons.stream().filter(c -> c.metric() == metric)
                .sorted(Comparator.comparingInt(c -> c.configuration().workers())).toList();
    }

    /** Worker counts, with 1 in front for speedup curves (whose speedup at one worker is 1 by definition). */
    private static double[] workers(List<Comparison> comparisons, boolean withOne) {
        List<Double> w = new ArrayList<>();
        if (withOne) w.add(1.0);
        comparisons.forEach(c -> w.add((double) c.configuration().workers()));
        return w.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] withOne(List<Comparison> speedups, boolean baseline) {
        List<Double> y = new ArrayList<>(List.of(1.0));
        speedups.forEach(c -> y.add(baseline ? c.baseline() : c.current()));
        return y.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] ones(int n) {
        double[] y = new double[n];
        java.util.Arrays.fill(y, 1);
        return y;
    }

    private static double orElse(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static String idOf(SeriesKey series, String chart) {
        return series.label().chars().mapToObj(ch -> Character.isLetterOrDigit(ch) ? String.valueOf((char) ch) : "-")
                .collect(Collectors.joining()) + "-" + chart;
    }
}
