package io.parbench.plan;

import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** What a run will measure, in order, and how. */
public record Plan(List<Configuration> configurations, MeasurementSettings settings, long seed, String profile) {

    /** Per configuration and fork, on top of the measured time: a fresh JVM or page, and set-up. */
    private static final Duration FORK_OVERHEAD = Duration.ofMillis(1200);

    public Plan {
        configurations = List.copyOf(configurations);
    }

    /**
     * A rough estimate of the wall time, to show before a long run.
     *
     * @param minimumWarmupOf the shortest warm-up per fork of each engine (browser pages warm up for
     *     seconds however few iterations are asked for)
     */
    public Duration estimate(Function<String, Duration> minimumWarmupOf) {
        long measured = settings.iterations() * settings.iterationMillis();
        long total = 0;
        for (Configuration c : configurations) {
            long warmup = Math.max(settings.warmupIterations() * settings.iterationMillis(),
                    minimumWarmupOf.apply(c.engine()).toMillis());
            total += (warmup + measured + FORK_OVERHEAD.toMillis()) * settings.forks();
        }
        return Duration.ofMillis(total);
    }
}
