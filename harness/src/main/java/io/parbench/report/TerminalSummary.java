package io.parbench.report;

import io.parbench.analysis.Analysis;
import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.text.Format;
import java.util.List;
import java.util.TreeSet;

/**
 * The figures a run ends with on the terminal: for every series, throughput at one worker and the
 * speedup at each worker count, so the answer shows without opening the report.
 */
public final class TerminalSummary {

    private TerminalSummary() {}

    /** Marks a speedup beyond what the workers and cores can give (an anomaly, explained below the table). */
    static final String IMPLAUSIBLE_MARK = "!";

    public static String render(Analysis analysis) {
        TreeSet<Integer> workers = new TreeSet<>();
        analysis.series().forEach(s -> s.points().forEach(p -> workers.add(p.workers())));
        StringBuilder out = new StringBuilder(String.format("%-22s %-9s %16s", "kernel", "engine", "W=1"));
        for (int w : workers.tailSet(2)) out.append(String.format(" %8s", "S(" + w + ")"));
        out.append('\n');
        for (SeriesAnalysis s : analysis.series()) {
            out.append(String.format("%-22s %-9s %16s", s.key().kernelLabel() + " " + Format.si(s.key().size()),
                    s.key().engine(), oneWorker(s.points())));
            for (int w : workers.tailSet(2)) out.append(String.format(" %8s", speedupAt(s.points(), w)));
            out.append('\n');
        }
        boolean anomalies = analysis.series().stream().flatMap(s -> s.points().stream()).anyMatch(ScalingPoint::implausible);
        if (anomalies) {
            out.append(IMPLAUSIBLE_MARK).append(" more than the workers or cores can give: the W=1 baseline was handicapped or the"
                    + " machine changed under the run; an anomaly, not a result (re-run with more forks).\n");
        }
        return out.toString();
    }

    private static String oneWorker(List<ScalingPoint> points) {
        return points.stream().filter(p -> p.workers() == 1).findFirst()
                .map(p -> Format.rate(p.throughput().mean())).orElse("–");
    }

    private static String speedupAt(List<ScalingPoint> points, int workers) {
        return points.stream().filter(p -> p.workers() == workers && p.speedup() != null).findFirst()
                .map(p -> Format.times(p.speedup()) + (p.implausible() ? IMPLAUSIBLE_MARK : "")).orElse("–");
    }
}
