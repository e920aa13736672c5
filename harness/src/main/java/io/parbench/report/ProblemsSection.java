package io.parbench.report;

import io.parbench.analysis.ConfigurationStats;
import io.parbench.analysis.SeriesAnalyzer;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything that went wrong or looks doubtful, per document, never hidden: failed
 * configurations, fallbacks, noisy or outlying samples, stalls, impossible speedups and the
 * engines' notes.
 */
final class ProblemsSection {

    private record Problem(int rank, String kind, ConfigurationResult result, String detail) {}

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
                table(html, problems);
            }
            html.close("div");
        }
        html.close("div").close("section");
    }

    private static List<Problem> problems(ReportedRun run) {
        List<Problem> problems = new ArrayList<>();
        for (ConfigurationResult r : run.configurations()) {
            if (r.status() == Status.FAILED) {
                problems.add(new Problem(0, "failed", r, reason(r)));
            } else if (r.status() == Status.FALLBACK) {
                problems.add(new Problem(1, "fallback", r, "ran single-threaded: " + reason(r)));
            }
            ConfigurationStats stats = run.stats(r.configuration()).orElse(null);
            List<String> flags = Flags.of(r, stats == null ? null : stats.throughput());
            if (!flags.isEmpty()) {
                problems.add(new Problem(2, "flagged", r, String.join("; ", flags)));
            }
            beyondLimit(run, r).ifPresent(problems::add);
            r.notes().forEach(note -> problems.add(new Problem(3, "note", r, note)));
        }
        problems.sort(Comparator.comparingInt(Problem::rank));
        return problems;
    }

    /** A speedup above what the workers and cores can give, with what the data says it is. */
    private static Optional<Problem> beyondLimit(ReportedRun run, ConfigurationResult r) {
        int workers = r.configuration().workers();
        int cores = run.document().environment().logicalCores();
        return run.series(r.configuration().series())
                .flatMap(s -> s.points().stream().filter(p -> p.workers() == workers && p.beyondLimit() != null).findFirst())
                .map(p -> new Problem(2, p.doubtful() ? "anomaly" : "superlinear", r,
                        DecompositionWording.beyondLimit(p, SeriesAnalyzer.speedupLimit(workers, cores), cores)));
    }

    private static String reason(ConfigurationResult r) {
        return r.reason() == null ? "no reason given" : r.reason();
    }

    private static void table(Html html, List<Problem> problems) {
        html.open("table", "problems")
                .raw("<thead><tr><th>Configuration</th><th>What</th><th>Details</th></tr></thead><tbody>");
        for (Problem p : problems) {
            html.openWith("tr", "data-kind=\"" + p.kind() + "\"");
            html.open("td", "config").raw(Fragments.swatch(p.result().configuration().engine()))
                    .element("code", null, p.result().configuration().label()).close("td");
            html.open("td", null).element("span", "badge " + p.kind(), p.kind()).close("td");
            html.element("td", "detail", p.detail());
            html.close("tr");
        }
        html.raw("</tbody>").close("table");
    }
}
