package io.parbench.plan;

import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import java.time.Duration;
import java.util.List;

/** What a run will measure, in order, and how. */
public record Plan(List<Configuration> configurations, MeasurementSettings settings, long seed, String profile) {

    /** Per configuration and fork, on top of the measured time: a fresh JVM or page, and set-up. */
    private static final Duration FORK_OVERHEAD = Duration.ofMillis(1200);

    public Plan {
        configurations = List.copyOf(configurations);
    }

    /** A rough estimate of the wall time, to show before a long run. */
    public Duration estimate() {
        long perFork = (settings.warmupIterations() + settings.iterations()) * settings.iterationMillis()
                + FORK_OVERHEAD.toMillis();
        return Duration.ofMillis(perFork * settings.forks() * configurations.size());
    }
}
