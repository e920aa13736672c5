package io.parbench.report;

import io.parbench.results.ForkRecord;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import io.parbench.statistics.Statistics;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a run's forks (its fresh pages and JVMs) went, per engine: how many, how many points each
 * measured, pages retried before they measured anything (stuck, or their window not opened), forks
 * that failed, and how long pages warmed up until their iterations were steady. For the report and
 * the end of a run.
 */
public final class ForkSummary {

    private ForkSummary() {}

    /** One sentence per engine that ran forks, in engine order; none for documents without forks (version 1). */
    public static List<String> perEngine(RunDocument document) {
        List<String> lines = new ArrayList<>();
        byEngine(document).forEach((engine, forks) -> lines.add(engine + ": " + describe(forks)));
        return lines;
    }

    /** Retried pages and failed forks, per engine, for the end of a run; empty when every fork went as planned. */
    public static List<String> problems(RunDocument document) {
        List<String> lines = new ArrayList<>();
        byEngine(document).forEach((engine, forks) -> {
            String problems = problems(forks);
            if (problems != null) {
                lines.add(engine + ": " + problems);
            }
        });
        return lines;
    }

    private static Map<String, List<ForkRecord>> byEngine(RunDocument document) {
        Map<String, List<ForkRecord>> byEngine = new TreeMap<>(Palette.ENGINE_ORDER);
        document.forks().forEach(f -> byEngine.computeIfAbsent(f.series().engine(), e -> new ArrayList<>()).add(f));
        return byEngine;
    }

    private static String describe(List<ForkRecord> forks) {
        int fewest = forks.stream().mapToInt(f -> f.workers().size()).min().orElse(0);
        int most = forks.stream().mapToInt(f -> f.workers().size()).max().orElse(0);
        StringBuilder text = new StringBuilder(forks.size() + (forks.size() == 1 ? " fork" : " forks"));
        text.append(most == 1 ? ", one worker count each"
                : ", a curve of " + (fewest == most ? most : fewest + "–" + most) + " worker counts each");
        text.append("; ").append(Objects.requireNonNullElse(problems(forks), "none retried or failed"));
        double[] steady = forks.stream().map(ForkRecord::steadyAfterMillis).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        if (steady.length > 0) {
            text.append("; steady after ").append(Format.millis(Statistics.median(steady))).append(" of warm-up (median, ")
                    .append(Format.range(Format.millis(steady[0]), Format.millis(steady[steady.length - 1]))).append(")");
        }
        return text.toString();
    }

    /** Pages tried again before they measured anything (stuck in set-up, or no window), in words. */
    static String retriedPages(int pages) {
        return pages + (pages == 1 ? " page" : " pages") + " retried before measuring";
    }

    /** The forks' retried pages and failures in words; null when every fork went as planned. */
    private static String problems(List<ForkRecord> forks) {
        int retries = forks.stream().mapToInt(ForkRecord::retries).sum();
        long failed = forks.stream().filter(f -> f.status() == Status.FAILED).count();
        if (retries == 0 && failed == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (retries > 0) {
            parts.add(retriedPages(retries));
        }
        if (failed > 0) {
            parts.add(failed + " of " + forks.size() + " failed (their reasons are with their configurations)");
        }
        return String.join(", ", parts);
    }
}
