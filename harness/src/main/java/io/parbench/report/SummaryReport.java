package io.parbench.report;

import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.ParbenchVersion;
import io.parbench.results.RunDocument;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report of more configurations than charts and per-configuration tables can show (above
 * {@value #FULL_REPORT_LIMIT}): per kernel one table of its series, the ones that scale worst
 * first, from medians, no bootstrap, no charts; every count; the failures; the machines. Its size
 * is bounded whatever the documents hold: so many rows per kernel, kernels, failures and machines,
 * each with how many more there are.
 */
final class SummaryReport {

    /** Above this many configurations in all, the report summarises: drawn, they would be an unreadable page of tens of MB. */
    static final int FULL_REPORT_LIMIT = 2_000;
    private static final int WORST_ROWS = 30;
    private static final int BEST_ROWS = 10;
    private static final int MAX_KERNELS = 20;
    private static final int MAX_FAILURES = 50;
    private static final int MAX_MACHINES = 20;

    /** One series in a line: its throughput at one worker and how it scales to the most workers measured. */
    private record SeriesLine(ReportedRun run, SeriesKey key, int points, Double oneWorker, int mostWorkers, Double speedup) {

        Double efficiency() {
            return speedup == null ? null : speedup / mostWorkers;
        }
    }

    private SummaryReport() {}

    static boolean needed(List<RunDocument> documents) {
        return documents.stream().mapToLong(d -> d.configurations().size()).sum() > FULL_REPORT_LIMIT;
    }

    static String render(List<RunDocument> documents) {
        List<ReportedRun> runs = ReportedRun.unanalysed(documents);
        Map<String, List<SeriesLine>> byKernel = new TreeMap<>();
        for (ReportedRun run : runs) {
            lines(run).forEach(line -> byKernel.computeIfAbsent(line.key().kernelLabel(), k -> new ArrayList<>()).add(line));
        }
        long configurations = documents.stream().mapToLong(d -> d.configurations().size()).sum();
        long series = byKernel.values().stream().mapToLong(List::size).sum();
        Html html = new Html();
        html.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlReport.CONTENT_SECURITY_POLICY + "\">")
                .element("title", null, "parbench report (summary): " + HtmlReport.hosts(runs))
                .raw("<style>").raw(HtmlReport.stylesheet()).raw("</style></head><body>");
        html.open("header", null).element("h1", null, "parbench speedup report: summary").close("header");
        html.open("main", null);
        html.element("p", "banner", String.format("%,d configurations in %,d series from %d document%s: above %,d configurations the report"
                        + " summarises (no charts, no per-configuration tables, medians instead of bootstrap intervals), so that it stays"
                        + " readable and is written in seconds. For the full report give fewer documents or narrow the run (--engines,"
                        + " --kernels, --workers); for every sample, 'parbench export RESULTS.json --format csv'.",
                configurations, series, documents.size(), documents.size() == 1 ? "" : "s", FULL_REPORT_LIMIT));
        int kernelsShown = 0;
        for (Map.Entry<String, List<SeriesLine>> kernel : byKernel.entrySet()) {
            if (kernelsShown++ == MAX_KERNELS) {
                html.element("p", "muted", "… and " + (byKernel.size() - MAX_KERNELS) + " more kernels, not shown.");
                break;
            }
            kernel(html, kernel.getKey(), kernel.getValue(), runs.size() > 1);
        }
        failures(html, runs);
        EnvironmentSection.render(html, runs.subList(0, Math.min(runs.size(), MAX_MACHINES)));
        if (runs.size() > MAX_MACHINES) {
            html.element("p", "muted", "… and " + (runs.size() - MAX_MACHINES) + " more documents' machines, not shown.");
        }
        html.close("main");
        html.open("footer", null).text("Made by parbench " + ParbenchVersion.current() + ".").close("footer");
        return html.raw("</body></html>\n").toString();
    }

    /** The document's series, each from the medians of its measured configurations (failed ones left out). */
    private static List<SeriesLine> lines(ReportedRun run) {
        Map<SeriesKey, Map<Integer, Double>> medians = new LinkedHashMap<>();
        for (ConfigurationResult r : run.configurations()) {
            if (r.status() == Status.OK && !r.flatSamples().isEmpty()) {
                Configuration c = r.configuration();
                medians.computeIfAbsent(c.series(), k -> new TreeMap<>()).put(c.workers(), median(r.flatSamples()));
            }
        }
        List<SeriesLine> lines = new ArrayList<>();
        medians.forEach((key, byWorkers) -> {
            Double one = byWorkers.get(1);
            int most = ((TreeMap<Integer, Double>) byWorkers).lastKey();
            Double speedup = one == null || most == 1 ? null : byWorkers.get(most) / one;
            lines.add(new SeriesLine(run, key, byWorkers.size(), one, most, speedup));
        });
        return lines;
    }

    private static void kernel(Html html, String kernel, List<SeriesLine> lines, boolean severalRuns) {
        lines.sort(Comparator.comparing(SeriesLine::efficiency, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(line -> line.key().label()));
        html.openWith("section", "class=\"kernel\" id=\"" + KernelSection.anchor(kernel) + "\"");
        html.element("h2", null, "Kernel: " + kernel + " (" + lines.size() + " series, those that scale worst first)");
        html.open("div", "table-scroll").open("table", null).raw("<thead><tr>");
        if (severalRuns) {
            html.element("th", null, "Run");
        }
        for (String head : List.of("Engine", "Size", "Worker counts", "W=1 (median steps/s)", "Most workers", "Speedup there", "Efficiency")) {
            html.element("th", null, head);
        }
        html.raw("</tr></thead><tbody>");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.size() > WORST_ROWS + BEST_ROWS && i == WORST_ROWS) {
                int hidden = lines.size() - WORST_ROWS - BEST_ROWS;
                html.raw("<tr><td colspan=\"8\" class=\"muted\">").text("… " + hidden + " more series …").raw("</td></tr>");
                i += hidden - 1;
                continue;
            }
            row(html, lines.get(i), severalRuns);
        }
        html.raw("</tbody></table></div></section>");
    }

    private static void row(Html html, SeriesLine line, boolean severalRuns) {
        html.open("tr", null);
        if (severalRuns) {
            html.element("td", null, String.valueOf(line.run().index() + 1));
        }
        html.element("td", null, line.key().engine() + (line.key().variant() == null ? "" : " (" + line.key().variant() + ")"));
        html.element("td", null, Format.size(line.key().size()));
        html.element("td", null, String.valueOf(line.points()));
        html.element("td", null, line.oneWorker() == null ? "–" : Format.rate(line.oneWorker()));
        html.element("td", null, String.valueOf(line.mostWorkers()));
        html.element("td", null, line.speedup() == null ? "–" : Format.times(line.speedup()));
        html.element("td", null, line.efficiency() == null ? "–" : Format.percent(line.efficiency()));
        html.close("tr");
    }

    private static void failures(Html html, List<ReportedRun> runs) {
        List<ConfigurationResult> failed = runs.stream().flatMap(run -> run.configurations().stream())
                .filter(r -> r.status() != Status.OK).toList();
        html.openWith("section", "id=\"problems\"").element("h2", null, "Failures and fallbacks: " + failed.size());
        if (!failed.isEmpty()) {
            html.open("ul", null);
            failed.stream().limit(MAX_FAILURES).forEach(r -> html.element("li", null, r.configuration().label() + ": " + r.status().id()
                    + (r.reason() == null ? "" : " — " + r.reason())));
            html.close("ul");
            if (failed.size() > MAX_FAILURES) {
                html.element("p", "muted", "… and " + (failed.size() - MAX_FAILURES) + " more, in the documents.");
            }
        }
        html.close("section");
    }

    private static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
