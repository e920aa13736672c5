package io.parbench.report;

import io.parbench.analysis.SeriesAnalysis;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.EngineFacts;
import io.parbench.results.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verdict for one engine in one document: how its configurations ended, the best speedup it
 * reached and the worker count to use.
 *
 * @param facts what the engine said about itself; null when the document has no facts for it
 * @param recommended for each recommended worker count, the kernels it is recommended for
 */
public record EngineSummary(
        String engine,
        EngineFacts facts,
        int ok,
        int fallback,
        int failed,
        Optional<BestSpeedup> best,
        Map<Integer, List<String>> recommended) {

    public static List<EngineSummary> of(ReportedRun run) {
        TreeSet<String> engines = new TreeSet<>(Palette.ENGINE_ORDER);
        engines.addAll(run.document().environment().engines().keySet());
        run.configurations().forEach(r -> engines.add(r.configuration().engine()));
        return engines.stream().map(engine -> of(run, engine)).toList();
    }

    private static EngineSummary of(ReportedRun run, String engine) {
        List<ConfigurationResult> results = run.configurations().stream()
                .filter(r -> r.configuration().engine().equals(engine))
                .toList();
        List<SeriesAnalysis> series = run.analysis().series().stream()
                .filter(s -> s.key().engine().equals(engine))
                .toList();
        Map<Integer, List<String>> recommended = new TreeMap<>();
        for (SeriesAnalysis s : series) {
            if (s.recommendedWorkers() != null) {
                recommended.computeIfAbsent(s.recommendedWorkers(), w -> new ArrayList<>()).add(s.key().kernelLabel());
            }
        }
        return new EngineSummary(
                engine,
                run.document().environment().engines().get(engine),
                count(results, Status.OK),
                count(results, Status.FALLBACK),
                count(results, Status.FAILED),
                BestSpeedup.overall(series),
                recommended);
    }

    private static int count(List<ConfigurationResult> results, Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    public boolean available() {
        return facts == null || facts.available();
    }

    /** The worker count recommended for the most kernels (the larger on a tie), if any. */
    public Optional<Integer> typicalRecommendation() {
        return recommended.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, List<String>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    /** E.g. {@code for 5 of 7 kernels; 1 for sum, axpy} (a variant such as sort:jdk counts as a kernel). */
    public String recommendationDetail() {
        Optional<Integer> typical = typicalRecommendation();
        if (typical.isEmpty()) {
            return "";
        }
        int total = recommended.values().stream().mapToInt(List::size).sum();
        String others = recommended.entrySet().stream()
                .filter(e -> !e.getKey().equals(typical.get()))
                .map(e -> e.getKey() + " for " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
        int agreeing = recommended.get(typical.get()).size();
        String share = agreeing == total ? (total == 1 ? "for its one kernel" : "for all " + total + " kernels")
                : "for " + agreeing + " of " + total + " kernels";
        return Stream.of(share, others)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining("; "));
    }
}
