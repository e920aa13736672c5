package io.parbench.report;

import io.parbench.analysis.ScalingPoint;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several machines or browsers in one picture ({@code report a.json b.json …}): per kernel one
 * chart with every machine and browser's speedup curve, then one table of each one's efficiency at
 * its machine's full core count, worst first, so "who scales worst, where" is its first row.
 */
final class FleetSection {

    static final String ANCHOR = "fleet";

    private FleetSection() {}

    /** Renders nothing for a single document. */
    static void render(Html html, List<ReportedRun> runs, List<String> kernels) {
        if (runs.size() < 2) {
            return;
        }
        html.openWith("section", "id=\"" + ANCHOR + "\"").element("h2", null, "Fleet: every machine and browser");
        html.element("p", "muted", "One line per machine and browser (engine); each machine's cores as its browser counts them "
                + "(navigator.hardwareConcurrency) for a remote browser. Efficiency: speedup ÷ workers at the machine's full core "
                + "count, or at the most workers measured below it.");
        Map<String, List<FleetEntry>> byKernel = new LinkedHashMap<>();
        kernels.forEach(kernel -> byKernel.put(kernel, FleetEntry.of(runs, kernel)));
        // One colour per machine and browser in every kernel's chart, whichever kernels it measured.
        List<String> members = byKernel.values().stream().flatMap(List::stream).map(FleetEntry::name).distinct().toList();
        legend(html, members, byKernel);
        html.open("div", "charts");
        byKernel.forEach((kernel, entries) -> KernelSection.chart(html, chart(kernel, entries, members),
                ANCHOR + "-" + KernelSection.anchor(kernel), "Speedup over the same machine and browser's 1-worker throughput; "
                        + "bars: 95% interval over forks.", "No speedup to draw for " + kernel + "."));
        html.close("div");
        table(html, byKernel.values().stream().flatMap(List::stream).toList());
        html.close("section");
    }

    private static ChartSpec chart(String kernel, List<FleetEntry> entries, List<String> members) {
        List<ChartSpec.Line> lines = new ArrayList<>();
        int maxWorkers = 1;
        for (FleetEntry entry : entries) {
            List<ScalingPoint> points = KernelCharts.withSpeedup(entry.series());
            lines.add(line(entry, members, points));
            maxWorkers = Math.max(maxWorkers, points.getLast().workers());
        }
        if (!lines.isEmpty()) {
            lines.add(ChartSpec.Line.reference("ideal (linear)", new double[] {1, maxWorkers}, new double[] {1, maxWorkers}));
        }
        return new ChartSpec(kernel + ": speedup, every machine", "workers (W)", "speedup (×, 95% CI)", Format::tick, false, lines);
    }

    private static ChartSpec.Line line(FleetEntry entry, List<String> members, List<ScalingPoint> points) {
        return KernelCharts.speedupLine(entry.name(), Palette.fleet(members.indexOf(entry.name())), entry.run().index(), false,
                points, p -> 1);
    }

    /** One legend for every kernel's chart: each machine and browser with its colour and marker. */
    private static void legend(Html html, List<String> members, Map<String, List<FleetEntry>> byKernel) {
        html.open("ul", "legend");
        for (String member : members) {
            FleetEntry entry = byKernel.values().stream().flatMap(List::stream).filter(e -> e.name().equals(member)).findFirst().orElseThrow();
            html.open("li", null).raw(Charts.legendSymbol(line(entry, members, List.of()))).text(member).close("li");
        }
        ChartSpec.Line ideal = ChartSpec.Line.reference("ideal (linear)", new double[0], new double[0]);
        html.open("li", null).raw(Charts.legendSymbol(ideal)).text(ideal.name()).close("li");
        html.close("ul");
    }

    /** Who scales worst, where: every machine, browser and kernel by efficiency at full cores, lowest first. */
    private static void table(Html html, List<FleetEntry> entries) {
        html.element("h3", null, "Who scales worst, where");
        html.open("table", "fleet");
        html.raw("<thead><tr><th>machine</th><th>browser / engine</th><th>kernel</th><th class=\"num\">W</th>"
                + "<th class=\"num\">speedup</th><th class=\"num\">efficiency</th></tr></thead><tbody>");
        entries.stream().sorted(Comparator.comparingDouble(FleetEntry::efficiencyForSorting)).forEach(entry -> {
            html.open("tr", null).element("td", null, entry.machine()).element("td", null, entry.browser())
                    .element("td", null, entry.series().key().kernelLabel());
            entry.atFullCores().ifPresentOrElse(p -> html
                            .element("td", "num", p.workers() + (p.workers() < entry.cores() ? " (of " + entry.cores() + ")" : ""))
                            .element("td", "num", Format.times(p.speedup()))
                            .element("td", "num", Format.percent(p.speedup() / p.workers())),
                    () -> html.element("td", "num", "–").element("td", "num", "–").element("td", "num", "–"));
            html.close("tr");
        });
        html.raw("</tbody>").close("table");
    }
}
