package io.parbench.gate;

import io.parbench.results.ConfigurationResult;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * How much of an engine's noise is fork-to-fork (a fresh JVM or page landing faster or slower)
 * rather than iteration-to-iteration. The gate's tests count every sample as independent, which
 * understates fork-to-fork variation; when it is a large part of the noise, a note says so.
 *
 * <p>One-way analysis of variance of log throughput with forks as groups, pooled over all of
 * an engine's configurations: the between-fork variance component is (MSB - MSW) / m for m
 * iterations per fork.
 */
final class ForkVariation {

    /** A note when the fork-to-fork standard deviation is at least this share of the within-fork one. */
    static final double NOTABLE_SHARE = 0.4;

    private ForkVariation() {}

    static List<String> notes(Collection<ConfigurationResult> results) {
        Map<String, List<ConfigurationResult>> byEngine = results.stream()
                .filter(r -> r.status() != Status.FAILED && r.samples().size() >= 2 && r.samples().stream().allMatch(f -> f.size() >= 2))
                .collect(Collectors.groupingBy(r -> r.configuration().engine(), TreeMap::new, Collectors.toList()));
        return byEngine.entrySet().stream()
                .flatMap(e -> note(e.getKey(), e.getValue()).stream())
                .toList();
    }

    private static Optional<String> note(String engine, List<ConfigurationResult> results) {
        double betweenSquares = 0;
        double withinSquares = 0;
        int betweenDf = 0;
        int withinDf = 0;
        int samples = 0;
        int forks = 0;
        for (ConfigurationResult r : results) {
            SummaryStatistics all = new SummaryStatistics();
            r.flatSamples().forEach(s -> all.addValue(Math.log(s)));
            for (List<Double> fork : r.samples()) {
                SummaryStatistics f = new SummaryStatistics();
                fork.forEach(s -> f.addValue(Math.log(s)));
                betweenSquares += f.getN() * Math.pow(f.getMean() - all.getMean(), 2);
                withinSquares += f.getSecondMoment();
            }
            betweenDf += r.samples().size() - 1;
            withinDf += (int) all.getN() - r.samples().size();
            samples += (int) all.getN();
            forks += r.samples().size();
        }
        double withinVariance = withinSquares / withinDf;
        double iterationsPerFork = (double) samples / forks;
        double forkVariance = Math.max(0, (betweenSquares / betweenDf - withinVariance) / iterationsPerFork);
        double forkSd = Math.sqrt(forkVariance);
        double withinSd = Math.sqrt(withinVariance);
        if (forkSd < NOTABLE_SHARE * withinSd) {
            return Optional.empty();
        }
        return Optional.of("On " + engine + ", fork-to-fork variation (" + Format.percent(forkSd) + ") is a large part of the noise ("
                + Format.percent(withinSd) + " within forks). The gate's tests count every sample as independent, so with "
                + Math.round((double) forks / results.size()) + " forks per configuration expect more false alarms than validated;"
                + " measure more forks (see GATE.md).");
    }
}
