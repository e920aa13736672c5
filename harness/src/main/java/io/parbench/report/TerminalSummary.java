package io.parbench.report;

import io.parbench.analysis.Analysis;
import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.RunDocument;
import io.parbench.results.SeriesKey;
import io.parbench.text.Format;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The figures a run ends with on the terminal: for every series, throughput at one worker and the
 * speedup at each worker count, so the answer shows without opening the report.
 */
public final class TerminalSummary {

    private TerminalSummary() {}

    /** Marks a speedup measured with fewer threads than workers (a byo library capped its own pool). */
    static final String CAPPED_MARK = "c";

    /**
     * @param document the run: its configurations mark the speedups of pages that ran fewer threads
     *     than asked for (capped), its engines' facts name what a step is (a byo adapter's unit)
     */
    public static String render(Analysis analysis, RunDocument document) {
        Map<SeriesKey, Map<Integer, Integer>> capped = document.configurations().stream().filter(r -> r.cappedAtThreads() != null)
                .collect(Collectors.groupingBy(r -> r.configuration().series(),
                        Collectors.toMap(r -> r.configuration().workers(), ConfigurationResult::cappedAtThreads, Math::min)));
        TreeSet<Integer> workers = new TreeSet<>();
        analysis.series().forEach(s -> s.points().forEach(p -> workers.add(p.workers())));
        StringBuilder out = new StringBuilder(String.format("%-22s %-9s %16s", "kernel", "engine", "W=1"));
        for (int w : workers.tailSet(2)) out.append(String.format(" %8s", "S(" + w + ")"));
        out.append('\n');
        for (SeriesAnalysis s : analysis.series()) {
            out.append(String.format("%-22s %-9s %16s", s.key().kernelLabel() + " " + Format.si(s.key().size()),
                    s.key().engine(), oneWorker(s.points(), KernelSeries.unit(document.environment(), s.key().engine()))));
            Map<Integer, Integer> caps = capped.getOrDefault(s.key(), Map.of());
            for (int w : workers.tailSet(2)) {
                out.append(String.format(" %8s", speedupAt(s.points(), w) + (caps.containsKey(w) ? CAPPED_MARK : "")));
            }
            out.append('\n');
        }
        if (analysis.series().stream().flatMap(s -> s.points().stream()).anyMatch(ScalingPoint::doubtful)) {
            out.append(DecompositionWording.DOUBTFUL_MARK).append(" above what the workers or cores can give, not a result: in one"
                    + " fork only (an anomaly: re-run with more forks), or in every fork without accounting that shows why.\n");
        }
        if (analysis.series().stream().flatMap(s -> s.points().stream())
                .anyMatch(p -> p.beyondLimit() == ScalingPoint.BeyondLimit.SUPERLINEAR)) {
            out.append(DecompositionWording.SUPERLINEAR_MARK).append(" superlinear: above W in every fork, with less busy time per"
                    + " step than at W=1 (the report shows where the speedup goes).\n");
        }
        if (!capped.isEmpty()) {
            out.append(CAPPED_MARK).append(" capped: the page ran fewer threads than workers asked for (")
                    .append(capped.entrySet().stream().flatMap(e -> e.getValue().entrySet().stream()
                            .map(c -> e.getKey().kernelLabel() + " W=" + c.getKey() + ": " + c.getValue()))
                            .collect(Collectors.joining(", ")))
                    .append("); the library capped its own thread count.\n");
        }
        int cores = Math.max(document.environment().logicalCores(), 1);
        List<String> losses = analysis.series().stream().map(s -> dominantLoss(s, cores)).flatMap(Optional::stream).toList();
        if (!losses.isEmpty()) {
            out.append("Where the speedup goes (at the most workers accounted, up to the machine's ").append(cores)
                    .append(cores == 1 ? " core" : " cores").append("):\n");
            losses.forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    /**
     * The series' dominant loss at its most workers with a decomposition up to the machine's cores
     * (more workers than cores lose the excess to the machine by construction, which says nothing
     * of the code), or at its fewest above them when none is up to them.
     */
    private static Optional<String> dominantLoss(SeriesAnalysis s, int cores) {
        List<ScalingPoint> accounted = s.points().stream().filter(p -> p.decomposition() != null).toList();
        return KernelCharts.atFullCores(accounted, cores).or(() -> accounted.stream().min(Comparator.comparingInt(ScalingPoint::workers)))
                .map(p -> DecompositionWording.dominant(s.key().kernelLabel() + " " + Format.si(s.key().size()) + " "
                        + s.key().engine(), p.decomposition()));
    }

    private static String oneWorker(List<ScalingPoint> points, String unit) {
        return points.stream().filter(p -> p.workers() == 1).findFirst()
                .map(p -> Format.si(p.throughput().mean()) + " " + unit + "/s").orElse("–");
    }

    private static String speedupAt(List<ScalingPoint> points, int workers) {
        return points.stream().filter(p -> p.workers() == workers && p.speedup() != null).findFirst()
                .map(p -> Format.times(p.speedup()) + DecompositionWording.mark(p)).orElse("–");
    }
}
