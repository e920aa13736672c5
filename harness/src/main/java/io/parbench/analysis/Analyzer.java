package io.parbench.analysis;

import io.parbench.results.ConfigurationResult;
import io.parbench.results.RunDocument;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Derives the {@link Analysis} of a results document. Pure: the same document always gives the
 * same analysis (the engine ratios' bootstrap generators are seeded from what they estimate).
 *
 * <ul>
 *   <li>Statistics for every ok or fallback configuration with samples; failed ones are skipped.
 *   <li>One {@link SeriesAnalysis} per series with at least one such configuration, series sorted
 *       by engine, kernel, variant (none first) and size. Fallback points are listed but never
 *       used for speedup, fits, the recommendation or engine ratios; notes say so.
 *   <li>Engine ratios against "native" (or "jvm" where native is missing), see {@link EngineRatios}.
 * </ul>
 * Every number in the result is finite; what cannot be computed is null, with a note in its series.
 */
public final class Analyzer {

    private static final Comparator<SeriesKey> SERIES_ORDER = Comparator.comparing(SeriesKey::engine)
            .thenComparing(SeriesKey::kernel)
            .thenComparing(SeriesKey::variant, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(SeriesKey::size);

    private Analyzer() {}

    /** @param document a well-formed document (as {@code ResultsReader} returns, or a run builds) */
    public static Analysis analyze(RunDocument document) {
        List<ConfigurationStats> configurations = document.configurations().stream()
                .filter(Analyzer::measured)
                .map(r -> new ConfigurationStats(r.configuration(), SampleStatistics.of(samples(r))))
                .toList();
        Map<SeriesKey, List<ConfigurationResult>> bySeries = document.configurations().stream()
                .collect(Collectors.groupingBy(
                        r -> r.configuration().series(), () -> new TreeMap<>(SERIES_ORDER), Collectors.toList()));
        List<SeriesAnalysis> series = new ArrayList<>();
        List<MeasuredPoint> allPoints = new ArrayList<>();
        bySeries.forEach((key, results) -> {
            if (results.stream().anyMatch(Analyzer::measured)) {
                SeriesPoints points = SeriesPoints.collect(key, results);
                series.add(SeriesAnalyzer.analyze(points, document.environment().logicalCores()));
                allPoints.addAll(points.points());
            }
        });
        return new Analysis(configurations, series, EngineRatios.compute(allPoints));
    }

    private static boolean measured(ConfigurationResult result) {
        return result.status() != Status.FAILED && !result.flatSamples().isEmpty();
    }

    private static double[] samples(ConfigurationResult result) {
        return result.flatSamples().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
