package io.parbench.report;

import io.parbench.analysis.SeriesAnalysis;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One line in a kernel's charts: a series of one document, with the name, colour and marker it is
 * drawn with (colour by engine, marker by document, dashed for an implementation variant).
 *
 * @param results the series' configurations in the document, whatever their status
 * @param analysis null when no configuration of the series was measured (all failed)
 * @param label engine, variant and (where a kernel ran at several sizes) size, e.g. {@code jvm (jdk)}
 * @param name the label, marked when the series fell back and by run when there are several: the legend entry
 */
public record KernelSeries(
        ReportedRun run, SeriesKey key, List<ConfigurationResult> results, SeriesAnalysis analysis, String label, String name) {

    /** The kernels of the documents, in the order they were first planned. */
    public static List<String> kernels(List<ReportedRun> runs) {
        Set<String> kernels = new LinkedHashSet<>();
        runs.forEach(run -> run.configurations().forEach(r -> kernels.add(r.configuration().kernel())));
        return List.copyOf(kernels);
    }

    /** Every series of a kernel across documents: by document, then engine, variant and size. */
    public static List<KernelSeries> of(List<ReportedRun> runs, String kernel) {
        boolean severalSizes = runs.stream()
                .flatMap(run -> run.configurations().stream())
                .filter(r -> r.configuration().kernel().equals(kernel))
                .map(r -> r.configuration().size())
                .distinct()
                .count() > 1;
        List<KernelSeries> all = new ArrayList<>();
        for (ReportedRun run : runs) {
            List<SeriesKey> keys = run.configurations().stream()
                    .map(r -> r.configuration().series())
                    .filter(k -> k.kernel().equals(kernel))
                    .distinct()
                    .sorted(Comparator.comparing(SeriesKey::engine, Palette.ENGINE_ORDER)
                            .thenComparing(SeriesKey::variant, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparingLong(SeriesKey::size))
                    .toList();
            for (SeriesKey key : keys) {
                List<ConfigurationResult> results = run.configurations().stream()
                        .filter(r -> r.configuration().series().equals(key))
                        .sorted(Comparator.comparingInt(r -> r.configuration().workers()))
                        .toList();
                String label = label(key, severalSizes);
                String name = name(label, results, runs.size() > 1 ? run : null);
                all.add(new KernelSeries(run, key, results, run.series(key).orElse(null), label, name));
            }
        }
        return all;
    }

    private static String label(SeriesKey key, boolean withSize) {
        StringBuilder label = new StringBuilder(key.engine());
        if (key.variant() != null) {
            label.append(" (").append(key.variant()).append(')');
        }
        if (withSize) {
            label.append(" n=").append(Format.size(key.size()));
        }
        return label.toString();
    }

    private static String name(String label, List<ConfigurationResult> results, ReportedRun run) {
        StringBuilder name = new StringBuilder(label);
        if (results.stream().anyMatch(r -> r.status() == Status.FALLBACK)) {
            name.append(" fallback");
        }
        if (run != null) {
            name.append(" · run ").append(run.index() + 1);
        }
        return name.toString();
    }

    public Color colour() {
        return Palette.engine(key.engine());
    }

    public int marker() {
        return run.index();
    }

    public boolean dashed() {
        return key.variant() != null;
    }
}
