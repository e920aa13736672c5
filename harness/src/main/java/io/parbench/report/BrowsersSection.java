package io.parbench.report;

import io.parbench.analysis.EngineRatio;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.EngineFacts;
import io.parbench.statistics.Statistics;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The browsers side by side, per document: for each browser engine its version, the median
 * pool start-up, what one parallel region costs (the forkjoin kernel's step at the most
 * workers), and per kernel its best speedup and its throughput ÷ native at one worker. Browsers
 * differ most where a parallel region is short; averaging over them would hide that.
 */
final class BrowsersSection {

    private static final String REGION_KERNEL = "forkjoin";

    private BrowsersSection() {}

    /** Renders nothing for documents with fewer than two browser engines. */
    static void render(Html html, List<ReportedRun> runs) {
        List<ReportedRun> withBrowsers = runs.stream().filter(run -> browsers(run).size() > 1).toList();
        if (withBrowsers.isEmpty()) {
            return;
        }
        html.openWith("section", "id=\"browsers\"").element("h2", null, "Browsers side by side");
        html.element("p", "muted", "S: the best speedup over the same browser's 1-worker throughput (at W workers). "
                + "÷ native: throughput ÷ the native engine's at one worker, what running as WASM in that browser costs. "
                + "Region: one forkjoin step at the most workers measured, i.e. what a parallel region costs there "
                + "(waking sleeping workers dominates it).");
        for (ReportedRun run : withBrowsers) {
            if (runs.size() > 1) {
                html.element("h3", null, Fragments.runTitle(run));
            }
            table(html, run);
        }
        html.close("section");
    }

    private static void table(Html html, ReportedRun run) {
        List<EngineFacts> browsers = browsers(run);
        TreeSet<String> kernels = new TreeSet<>();
        run.analysis().series().stream()
                .filter(s -> browsers.stream().anyMatch(b -> b.engine().equals(s.key().engine())))
                .forEach(s -> kernels.add(s.key().kernelLabel()));
        html.open("table", "browsers");
        html.raw("<thead><tr><th>engine</th><th>browser</th><th class=\"num\">pool start-up</th><th class=\"num\">region</th>");
        kernels.forEach(k -> html.element("th", "num", k + ": S, ÷ native"));
        html.raw("</tr></thead><tbody>");
        for (EngineFacts browser : browsers) {
            String engine = browser.engine();
            html.open("tr", null).element("td", null, engine)
                    .element("td", null, browser.browser().browser() + " " + browser.browser().version())
                    .element("td", "num", poolStartup(run, engine).map(Format::millis).orElse("–"))
                    .element("td", "num", regionCost(run, engine).orElse("–"));
            for (String kernel : kernels) {
                html.element("td", "num", bestSpeedup(run, engine, kernel).orElse("–") + ", "
                        + nativeRatioAtOne(run, engine, kernel).map(Format::times).orElse("–"));
            }
            html.close("tr");
        }
        html.raw("</tbody>").close("table");
    }

    static List<EngineFacts> browsers(ReportedRun run) {
        return run.document().environment().engines().values().stream()
                .filter(e -> e.available() && e.browser() != null)
                .filter(e -> run.configurations().stream().anyMatch(c -> c.configuration().engine().equals(e.engine())))
                .toList();
    }

    /** The median pool start-up of the engine's configurations with more than one worker. */
    private static Optional<Double> poolStartup(ReportedRun run, String engine) {
        List<Double> startups = new ArrayList<>();
        for (ConfigurationResult r : run.configurations()) {
            if (r.configuration().engine().equals(engine) && r.configuration().workers() > 1 && r.poolStartupMillis() != null) {
                startups.add(r.poolStartupMillis());
            }
        }
        if (startups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Statistics.median(startups));
    }

    private static Optional<String> regionCost(ReportedRun run, String engine) {
        return series(run, engine, REGION_KERNEL)
                .flatMap(s -> s.points().stream().reduce((a, b) -> b))
                .map(p -> Format.stepTime(p.throughput().mean()) + " @W" + p.workers());
    }

    private static Optional<String> bestSpeedup(ReportedRun run, String engine, String kernel) {
        return series(run, engine, kernel)
                .flatMap(s -> s.points().stream().filter(p -> p.workers() > 1 && p.speedup() != null)
                        .max((a, b) -> Double.compare(a.speedup(), b.speedup())))
                .map(p -> Format.times(p.speedup()) + " @W" + p.workers());
    }

    private static Optional<Double> nativeRatioAtOne(ReportedRun run, String engine, String kernel) {
        return run.analysis().ratios().stream()
                .filter(r -> r.engine().equals(engine) && r.baseline().equals("native") && r.workers() == 1)
                .filter(r -> (r.variant() == null ? r.kernel() : r.kernel() + ":" + r.variant()).equals(kernel))
                .map(EngineRatio::ratio)
                .findFirst();
    }

    private static Optional<SeriesAnalysis> series(ReportedRun run, String engine, String kernel) {
        return run.analysis().series().stream()
                .filter(s -> s.key().engine().equals(engine) && s.key().kernelLabel().equals(kernel))
                .findFirst();
    }
}
