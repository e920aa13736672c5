package io.parbench.report;

import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One kernel: a shared legend and its three charts over every document and engine, then per
 * document the {@link KernelTables}.
 */
final class KernelSection {

    private KernelSection() {}

    static String anchor(String kernel) {
        return "kernel-" + kernel.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static void render(Html html, List<ReportedRun> runs, String kernel) {
        List<KernelSeries> series = KernelSeries.of(runs, kernel);
        String anchor = anchor(kernel);
        html.openWith("section", "class=\"kernel\" id=\"" + anchor + "\" data-kernel=\"" + Html.escape(kernel) + "\"");
        html.open("h2", null).text("Kernel: " + kernel).element("small", "sizes", sizes(series)).close("h2");
        ChartSpec throughput = KernelCharts.throughput(kernel, series);
        ChartSpec speedup = KernelCharts.speedup(kernel, series);
        legend(html, throughput, speedup);
        html.open("div", "charts");
        String noSpeedup = "No speedup to draw: it needs a measured 1-worker throughput and more workers.";
        chart(html, throughput, anchor + "-throughput", "Mean " + KernelSeries.unit(series) + " per second; bars: 95% confidence "
                        + "interval of the mean.",
                "Nothing to draw: no configuration of this kernel was measured.");
        chart(html, speedup, anchor + "-speedup",
                "Throughput over the same engine's 1-worker throughput; bars: 95% interval over forks (pages or JVMs), paired within each;"
                        + " dotted: Universal Scalability Law fitted to the measurements.", noSpeedup);
        chart(html, KernelCharts.efficiency(kernel, series), anchor + "-efficiency",
                "Speedup divided by the worker count; 100% is perfect scaling.", noSpeedup);
        html.close("div");
        SpeedupLosses.render(html, kernel, series, anchor);
        html.open("div", "runs stacked");
        for (ReportedRun run : runs) {
            List<KernelSeries> ofRun = series.stream().filter(s -> s.run() == run).toList();
            html.openWith("div", "class=\"run-block\" data-run=\"" + (run.index() + 1) + "\"");
            if (runs.size() > 1) {
                html.element("h3", null, Fragments.runTitle(run));
            }
            if (ofRun.isEmpty()) {
                html.element("p", "muted", "This run did not measure " + kernel + ".");
            } else {
                html.open("div", "tables");
                KernelTables.results(html, ofRun);
                AdapterFacts.render(html, ofRun);
                html.open("div", "side").open("div", null);
                KernelTables.fits(html, ofRun);
                html.close("div");
                KernelTables.ratios(html, run, kernel);
                html.close("div").close("div");
            }
            html.close("div");
        }
        html.close("div").close("section");
    }

    /** E.g. {@code n = 2^20}, or every size when documents measured the kernel at several. */
    private static String sizes(List<KernelSeries> series) {
        return "n = " + series.stream().map(s -> s.key().size()).distinct().sorted().map(Format::size).collect(Collectors.joining(", "));
    }

    /** One legend for the kernel's three charts: every measured series, then the reference and fitted lines. */
    private static void legend(Html html, ChartSpec throughput, ChartSpec speedup) {
        List<ChartSpec.Line> entries = new ArrayList<>(throughput.lines());
        speedup.lines().stream().filter(l -> l.kind() == ChartSpec.Kind.REFERENCE).forEach(entries::add);
        if (speedup.lines().stream().anyMatch(l -> l.kind() == ChartSpec.Kind.FIT)) {
            entries.add(ChartSpec.Line.fit("USL fit (in the series' colour)", Palette.REFERENCE, new double[0], new double[0]));
        }
        if (entries.isEmpty()) {
            return;
        }
        html.open("ul", "legend");
        for (ChartSpec.Line line : entries) {
            html.open("li", null).raw(Charts.legendSymbol(line)).text(line.name()).close("li");
        }
        html.close("ul");
    }

    /** A chart with its caption, or what is missing when it has no data (shared with the fleet view). */
    static void chart(Html html, ChartSpec spec, String id, String caption, String whenEmpty) {
        boolean hasData = spec.lines().stream().anyMatch(l -> l.kind() == ChartSpec.Kind.DATA);
        html.openWith("figure", "class=\"chart-box\" id=\"" + id + "\"");
        if (hasData) {
            html.raw(Charts.svg(spec, id));
        } else {
            html.open("div", "no-chart").element("strong", null, spec.title()).element("p", null, whenEmpty).close("div");
        }
        html.element("figcaption", null, caption).close("figure");
    }
}
