package io.parbench.report;

import io.parbench.analysis.ConfigurationStats;
import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.analysis.SpeedupDecomposition;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.ForkRecord;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The problems of a run grouped by cause into a handful of findings, each with its evidence:
 * failures, retried pages and fallbacks per engine; noise per kernel (with the decomposition's
 * word where slower work is its largest loss); other flags per engine and cause; large losses per
 * engine, W and part; speedups above the limit per kernel and W; the engines' notes per engine.
 */
final class ProblemFindings {

    /** A loss this large a share of the ideal speedup W, to one part, is a finding. */
    static final double LARGE_LOSS = 0.25;

    /** At most this many examples in a finding's evidence. */
    private static final int EXAMPLES = 3;

    /** One finding: what it is about, and the evidence. */
    record Finding(String kind, String headline, String evidence) {}

    private ProblemFindings() {}

    static List<Finding> of(ReportedRun run, List<ProblemsSection.Problem> problems) {
        List<Finding> findings = new ArrayList<>();
        byEngine(problems, "failed", findings, n -> n + (n == 1 ? " configuration" : " configurations") + " failed");
        retried(run, findings);
        byEngine(problems, "fallback", findings, n -> n + (n == 1 ? " configuration" : " configurations") + " ran single-threaded");
        noise(run, findings);
        otherFlags(run, findings);
        losses(run, findings);
        beyondLimit(run, findings);
        byEngine(problems, "note", findings, n -> n + (n == 1 ? " note" : " notes") + " from the engine");
        return findings;
    }

    /** The rows of one kind, per engine: how many, and their distinct details. */
    private static void byEngine(List<ProblemsSection.Problem> problems, String kind, List<Finding> findings,
            java.util.function.IntFunction<String> headline) {
        Map<String, List<ProblemsSection.Problem>> byEngine = new TreeMap<>(Palette.ENGINE_ORDER);
        problems.stream().filter(p -> p.kind().equals(kind)).forEach(p -> byEngine.computeIfAbsent(p.engine(), e -> new ArrayList<>()).add(p));
        byEngine.forEach((engine, rows) -> findings.add(new Finding(kind, engine + ": " + headline.apply(rows.size()),
                examples(rows.stream().map(p -> p.subject() + ": " + p.detail()).toList()))));
    }

    /** Pages retried before they measured anything, per engine, with the forks that needed them. */
    private static void retried(ReportedRun run, List<Finding> findings) {
        Map<String, List<ForkRecord>> byEngine = new TreeMap<>(Palette.ENGINE_ORDER);
        run.document().forks().stream().filter(f -> f.retries() > 0)
                .forEach(f -> byEngine.computeIfAbsent(f.series().engine(), e -> new ArrayList<>()).add(f));
        byEngine.forEach((engine, forks) -> {
            int pages = forks.stream().mapToInt(ForkRecord::retries).sum();
            findings.add(new Finding("retried", engine + ": " + ForkSummary.retriedPages(pages),
                    examples(forks.stream().map(f -> f.series().label() + " fork " + f.id() + " (" + f.attempts() + " pages)").toList())));
        });
    }

    /** Noisy configurations per kernel: in which engines, their CV range, and what the decomposition says. */
    private static void noise(ReportedRun run, List<Finding> findings) {
        Map<String, List<ConfigurationStats>> noisy = new LinkedHashMap<>();
        Map<String, Set<String>> engines = new LinkedHashMap<>();
        for (ConfigurationStats stats : run.analysis().configurations()) {
            String kernel = stats.configuration().kernel();
            engines.computeIfAbsent(kernel, k -> new TreeSet<>(Palette.ENGINE_ORDER)).add(stats.configuration().engine());
            if (stats.throughput().cv() > Flags.NOISY_CV) {
                noisy.computeIfAbsent(kernel, k -> new ArrayList<>()).add(stats);
            }
        }
        noisy.forEach((kernel, rows) -> {
            Set<String> noisyEngines = rows.stream().map(s -> s.configuration().engine())
                    .collect(Collectors.toCollection(() -> new TreeSet<>(Palette.ENGINE_ORDER)));
            String where = noisyEngines.size() > 1 && noisyEngines.equals(engines.get(kernel)) ? "every engine" : String.join(", ", noisyEngines);
            double low = rows.stream().mapToDouble(s -> s.throughput().cv()).min().orElse(0);
            double high = rows.stream().mapToDouble(s -> s.throughput().cv()).max().orElse(0);
            long measured = run.analysis().configurations().stream().filter(s -> s.configuration().kernel().equals(kernel)).count();
            String evidence = "CV " + (low == high ? Format.percent(low) : Format.range(Format.percent(low), Format.percent(high))) + " in " + rows.size()
                    + " of " + measured + " configurations";
            List<String> slower = slowerWorkDominates(run, kernel);
            if (!slower.isEmpty()) {
                evidence += "; the largest loss is slower work (memory bandwidth, caches) in " + String.join(", ", slower);
            }
            findings.add(new Finding("noisy", kernel + ": noisy in " + where, evidence));
        });
    }

    /** The series and W of a kernel whose decomposition's largest loss is slower work. */
    private static List<String> slowerWorkDominates(ReportedRun run, String kernel) {
        List<String> where = new ArrayList<>();
        for (SeriesAnalysis s : run.analysis().series()) {
            if (s.key().kernel().equals(kernel)) {
                for (ScalingPoint p : s.points()) {
                    if (p.decomposition() != null && p.decomposition().dominantLoss()
                            .filter(l -> l.part() == SpeedupDecomposition.Part.SLOWER_WORK).isPresent()) {
                        where.add(s.key().engine() + " W=" + p.workers());
                    }
                }
            }
        }
        return where;
    }

    /** Outliers, capped thread counts and stalled pages, per cause: how many in each engine, and examples. */
    private static void otherFlags(ReportedRun run, List<Finding> findings) {
        Map<Flags.Cause, Map<String, List<String>>> byCause = new TreeMap<>();
        for (ConfigurationResult r : run.configurations()) {
            ConfigurationStats stats = run.stats(r.configuration()).orElse(null);
            for (Flags.Flag flag : Flags.flags(r, stats == null ? null : stats.throughput())) {
                if (flag.cause() != Flags.Cause.NOISY) {
                    byCause.computeIfAbsent(flag.cause(), c -> new TreeMap<>(Palette.ENGINE_ORDER))
                            .computeIfAbsent(r.configuration().engine(), e -> new ArrayList<>())
                            .add(r.configuration().label() + ": " + flag.text());
                }
            }
        }
        byCause.forEach((cause, byEngine) -> {
            int n = byEngine.values().stream().mapToInt(List::size).sum();
            String what = switch (cause) {
                case OUTLIERS -> "outlying samples (kept)";
                case CAPPED -> "the library capped its threads";
                case STALLED -> "the page's main thread stalled";
                case NOISY -> "noisy";
            };
            String counts = byEngine.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).collect(Collectors.joining(", "));
            findings.add(new Finding("flagged", what + " in " + n + (n == 1 ? " configuration" : " configurations") + " (" + counts + ")",
                    examples(byEngine.values().stream().flatMap(List::stream).toList())));
        });
    }

    /** A part that took a large share of W, per engine, W and part, with each series' figure. */
    private static void losses(ReportedRun run, List<Finding> findings) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, String> headlines = new LinkedHashMap<>();
        for (SeriesAnalysis s : run.analysis().series()) {
            for (ScalingPoint p : s.points()) {
                SpeedupDecomposition d = p.decomposition();
                if (d == null) {
                    continue;
                }
                d.dominantLoss().filter(l -> l.value() >= LARGE_LOSS * d.workers()).ifPresent(loss -> {
                    String key = s.key().engine() + "|" + d.workers() + "|" + loss.part();
                    headlines.putIfAbsent(key, s.key().engine() + " W=" + d.workers() + ": " + DecompositionWording.name(loss.part()));
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.key().kernelLabel() + " " + Format.size(s.key().size())
                            + ": S " + DecompositionWording.figure(DecompositionWording.speedup(d)) + " of " + d.workers() + ", "
                            + DecompositionWording.figure(loss.value()) + " lost");
                });
            }
        }
        groups.forEach((key, rows) -> findings.add(new Finding("loss", headlines.get(key), examples(rows))));
        List<String> apart = new ArrayList<>();
        for (SeriesAnalysis s : run.analysis().series()) {
            s.points().stream().map(ScalingPoint::decomposition).filter(d -> d != null && !d.addsUp())
                    .forEach(d -> apart.add(s.key().label() + " W=" + d.workers() + ": " + DecompositionWording.notAddingUp(d)));
        }
        if (!apart.isEmpty()) {
            findings.add(new Finding("loss", "the accounting does not add up to the measured speedup in " + apart.size()
                    + (apart.size() == 1 ? " point" : " points"), examples(apart)));
        }
    }

    /** Speedups above the limit per kernel, W and what they are. */
    private static void beyondLimit(ReportedRun run, List<Finding> findings) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, String> headlines = new LinkedHashMap<>();
        for (SeriesAnalysis s : run.analysis().series()) {
            for (ScalingPoint p : s.points()) {
                if (p.beyondLimit() != null) {
                    String what = switch (p.beyondLimit()) {
                        case SUPERLINEAR -> "superlinear (every fork above, less busy time per step)";
                        case UNEXPLAINED -> "above the limit in every fork, unexplained";
                        case ANOMALY -> "above the limit in one fork: an anomaly";
                    };
                    String key = s.key().kernelLabel() + "|" + p.workers() + "|" + p.beyondLimit();
                    headlines.putIfAbsent(key, s.key().kernelLabel() + " W=" + p.workers() + ": " + what);
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.key().engine() + " " + Format.times(p.speedup()));
                }
            }
        }
        groups.forEach((key, rows) -> findings.add(new Finding(key.endsWith("SUPERLINEAR") ? "superlinear" : "anomaly", headlines.get(key),
                String.join(", ", rows))));
    }

    /** The first few distinct examples, and how many more. */
    private static String examples(List<String> rows) {
        List<String> distinct = rows.stream().distinct().toList();
        String shown = String.join("; ", distinct.subList(0, Math.min(EXAMPLES, distinct.size())));
        return distinct.size() > EXAMPLES ? shown + "; and " + (distinct.size() - EXAMPLES) + " more" : shown;
    }
}
