package io.parbench.report;

import io.parbench.analysis.SeriesAnalysis;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
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
 * @param label engine (with its browser where the engine is not named after it: {@code byo/firefox}), variant and
 *     (where a kernel ran at several sizes) size, e.g. {@code jvm (jdk)}
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
                String label = label(run, key, severalSizes);
                String name = name(label, results, runs.size() > 1 ? run : null);
                all.add(new KernelSeries(run, key, results, run.series(key).orElse(null), label, name));
            }
        }
        return all;
    }

    private static String label(ReportedRun run, SeriesKey key, boolean withSize) {
        StringBuilder label = new StringBuilder(key.engine());
        browser(run, key.engine()).ifPresent(browser -> label.append('/').append(browser));
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

    /**
     * The browser an engine ran in, when the engine is not named after it (byo runs an adapter in
     * any browser): empty for every other engine.
     */
    static java.util.Optional<String> browser(ReportedRun run, String engine) {
        EngineFacts facts = run.document().environment().engines().get(engine);
        if (facts == null || facts.browser() == null || facts.browser().browser() == null
                || facts.browser().browser().equalsIgnoreCase(engine)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(facts.browser().browser());
    }

    /** What one step is, in the plural: the adapter's meta.unit for byo ("inferences"), else "steps". */
    public String unit() {
        return unit(run.document().environment(), key.engine());
    }

    /** What one step of an engine is, in the plural (see {@link #unit()}). */
    static String unit(io.parbench.results.Environment environment, String engine) {
        EngineFacts facts = environment.engines().get(engine);
        String unit = facts == null ? null : facts.facts().get(FactKeys.UNIT);
        return plural(unit == null || unit.isBlank() ? "step" : unit);
    }

    /** The unit of a kernel's charts and tables: its series' one unit, or "steps" when they differ. */
    static String unit(List<KernelSeries> series) {
        List<String> units = series.stream().map(KernelSeries::unit).distinct().toList();
        return units.size() == 1 ? units.getFirst() : "steps";
    }

    private static String plural(String unit) {
        return unit.endsWith("s") ? unit : unit + "s";
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
