package io.parbench.plan;

import io.parbench.engines.ForkPlan;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/** What a run will measure, in order, and how. */
public record Plan(List<Configuration> configurations, MeasurementSettings settings, long seed, String profile) {

    public Plan {
        configurations = List.copyOf(configurations);
    }

    /**
     * The forks in the order they run: round by round (fork 1 of every series, then fork 2, …), so
     * each series' forks meet the machine at different times. Where an engine measures curves, a
     * fork measures all of its series' worker counts ({@link BlockOrder#balanced}, its order drawn
     * from the seed, the series and the fork); otherwise each worker count gets forks of its own.
     *
     * @param curves whether an engine (by name) measures a whole curve per fork
     */
    public List<ForkPlan> forks(Predicate<String> curves) {
        List<List<Configuration>> groups = forkGroups(curves);
        List<ForkPlan> forks = new ArrayList<>();
        for (int fork = 1; fork <= settings.forks(); fork++) {
            for (List<Configuration> group : groups) {
                SeriesKey series = group.getFirst().series();
                List<Integer> workers = group.stream().map(Configuration::workers).toList();
                Random random = new Random(seed ^ ((long) series.label().hashCode() << 20) ^ fork * 0x9E3779B97F4A7C15L);
                forks.add(new ForkPlan(series, BlockOrder.balanced(List.of(ComparisonSide.CURRENT), workers, settings.iterations(), random),
                        settings));
            }
        }
        return List.copyOf(forks);
    }

    /** The configurations each fork measures: a series where its engine measures curves, else one configuration. */
    private List<List<Configuration>> forkGroups(Predicate<String> curves) {
        Map<Object, List<Configuration>> groups = new LinkedHashMap<>();
        for (Configuration c : configurations) {
            Object key = curves.test(c.engine()) ? c.series() : c;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        return List.copyOf(groups.values());
    }

    /**
     * A rough estimate of the wall time of forks, to show before a long run.
     *
     * @param setUpOf how long a fork typically takes before its first block (its engine's start-up and warm-up)
     */
    public static Duration estimate(List<ForkPlan> forks, Function<ForkPlan, Duration> setUpOf) {
        return forks.stream().map(fork -> fork.plannedTime(setUpOf.apply(fork))).reduce(Duration.ZERO, Duration::plus);
    }
}
