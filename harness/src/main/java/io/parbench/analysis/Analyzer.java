package io.parbench.analysis;

import io.parbench.cli.UserError;
import io.parbench.results.Configuration;
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
 * same analysis (bootstrap generators are seeded from what they estimate).
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

    /** @throws UserError when a configuration is malformed (no engine or kernel, workers < 1, a bad sample) */
    public static Analysis analyze(RunDocument document) {
        document.configurations().forEach(Analyzer::validate);
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
                series.add(SeriesAnalyzer.analyze(points));
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

    private static void validate(ConfigurationResult result) {
        Configuration c = result.configuration();
        if (c.engine() == null || c.kernel() == null) {
            throw new UserError("A configuration in the results document has no " + (c.engine() == null ? "engine" : "kernel")
                    + " (" + c + "). Is the file complete? Re-run the benchmark to get a well-formed document.");
        }
        if (c.workers() < 1) {
            throw new UserError("Configuration " + c.label() + " has " + c.workers()
                    + " workers; worker counts are 1 or more. Fix or re-run that configuration.");
        }
        if (result.status() == Status.FAILED) {
            return;
        }
        for (int fork = 0; fork < result.samples().size(); fork++) {
            for (double sample : result.samples().get(fork)) {
                if (!Double.isFinite(sample) || sample < 0) {
                    throw new UserError("Configuration " + c.label() + " has a sample of " + sample + " steps/sec (fork "
                            + (fork + 1) + "); throughputs are finite and not negative. The engine that wrote it"
                            + " misbehaved: re-run that configuration.");
                }
            }
        }
    }
}
