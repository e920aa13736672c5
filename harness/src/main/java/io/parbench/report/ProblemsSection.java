package io.parbench.report;

import io.parbench.analysis.ConfigurationStats;
import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.analysis.SeriesAnalyzer;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.ForkRecord;
import io.parbench.results.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything that went wrong or looks doubtful, per document, never hidden: a handful of findings
 * grouped by cause first ({@link ProblemFindings}), then every row (failed configurations,
 * fallbacks, pages retried, noisy or outlying samples, stalls, speedups above the limit and the
 * engines' notes).
 */
final class ProblemsSection {

    /**
     * One row.
     *
     * @param engine whose it is (its swatch)
     * @param subject the configuration's label, or a fork's series and number
     */
    record Problem(int rank, String kind, String engine, String subject, String detail) {}

    private ProblemsSection() {}

    static void render(Html html, List<ReportedRun> runs) {
        html.openWith("section", "id=\"problems\"").element("h2", null, "Failures, fallbacks and noisy measurements");
        html.open("div", runs.size() > 1 ? "runs side-by-side" : "runs");
        for (ReportedRun run : runs) {
            html.openWith("div", "class=\"run-block\" data-run=\"" + (run.index() + 1) + "\"");
            if (runs.size() > 1) {
                html.element("h3", null, Fragments.runTitle(run));
            }
            List<Problem> problems = problems(run);
            if (problems.isEmpty()) {
                html.element("p", "all-good", "✓ No failures, fallbacks, noisy measurements or notes.");
            } else {
                findings(html, ProblemFindings.of(run, problems));
                html.open("details", "all-problems")
                        .element("summary", null, "Every row (" + problems.size() + ")");
                table(html, problems);
                html.close("details");
            }
            html.close("div");
        }
        html.close("div").close("section");
    }

    static List<Problem> problems(ReportedRun run) {
        List<Problem> problems = new ArrayList<>();
        int cores = run.document().environment().logicalCores();
        for (ConfigurationResult r : run.configurations()) {
            String engine = r.configuration().engine();
            String label = r.configuration().label();
            if (r.status() == Status.FAILED) {
                problems.add(new Problem(0, "failed", engine, label, reason(r)));
            } else if (r.status() == Status.FALLBACK) {
                problems.add(new Problem(1, "fallback", engine, label, "ran single-threaded: " + reason(r)));
            }
            ConfigurationStats stats = run.stats(r.configuration()).orElse(null);
            List<String> flags = Flags.of(r, stats == null ? null : stats.throughput());
            if (!flags.isEmpty()) {
                problems.add(new Problem(2, "flagged", engine, label, String.join("; ", flags)));
            }
            int workers = r.configuration().workers();
            run.series(r.configuration().series()).flatMap(s -> at(s, workers)).filter(p -> p.beyondLimit() != null)
                    .ifPresent(p -> problems.add(new Problem(2, p.doubtful() ? "anomaly" : "superlinear", engine, label,
                            DecompositionWording.beyondLimit(p, SeriesAnalyzer.speedupLimit(workers, cores), cores))));
            r.notes().forEach(note -> problems.add(new Problem(3, "note", engine, label, note)));
        }
        for (ForkRecord fork : run.document().forks()) {
            if (fork.retries() > 0) {
                problems.add(new Problem(1, "retried", fork.series().engine(), fork.series().label() + " fork " + fork.id(),
                        "tried again before it measured anything: " + fork.attempts() + " pages to measure it (" + fork.retries()
                                + (fork.retries() == 1 ? " retry)" : " retries)")));
            }
        }
        problems.sort(Comparator.comparingInt(Problem::rank));
        return problems;
    }

    private static java.util.Optional<ScalingPoint> at(SeriesAnalysis series, int workers) {
        return series.points().stream().filter(p -> p.workers() == workers).findFirst();
    }

    private static String reason(ConfigurationResult r) {
        return r.reason() == null ? "no reason given" : r.reason();
    }

    private static void findings(Html html, List<ProblemFindings.Finding> findings) {
        html.open("ul", "findings");
        for (ProblemFindings.Finding f : findings) {
            html.openWith("li", "data-kind=\"" + f.kind() + "\"").element("strong", null, f.headline());
            if (f.evidence() != null) {
                html.text(": " + f.evidence());
            }
            html.close("li");
        }
        html.close("ul");
    }

    private static void table(Html html, List<Problem> problems) {
        html.open("table", "problems")
                .raw("<thead><tr><th>Configuration</th><th>What</th><th>Details</th></tr></thead><tbody>");
        for (Problem p : problems) {
            html.openWith("tr", "data-kind=\"" + p.kind() + "\"");
            html.open("td", "config").raw(Fragments.swatch(p.engine())).element("code", null, p.subject()).close("td");
            html.open("td", null).element("span", "badge " + p.kind(), p.kind()).close("td");
            html.element("td", "detail", p.detail());
            html.close("tr");
        }
        html.raw("</tbody>").close("table");
    }
}
