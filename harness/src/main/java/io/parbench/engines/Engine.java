package io.parbench.engines;

import io.parbench.results.EngineFacts;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A way of running kernels: measures forks and returns raw samples. Engines know nothing about
 * statistics, results files or reports.
 *
 * <p>An engine is created once per run, probed, asked for measurements one fork at a time (so the
 * runner can save after each), and closed.
 */
public interface Engine extends AutoCloseable {

    /** The name used on the command line and in results: jvm, native, chromium, byo. */
    String name();

    /** Whether this engine can run here, with the reason and fix when not. Never throws. */
    EngineFacts probe();

    /**
     * Implementation variants this engine offers for a kernel, each measured as its own series;
     * null stands for the project's own implementation.
     */
    default List<String> variants(String kernel) {
        return Collections.singletonList(null);
    }

    /**
     * The kernel this engine brings itself instead of the built-in suite chosen by --kernels (byo:
     * the adapter's), known after {@link #probe()}; empty for engines that run the built-in kernels.
     */
    default Optional<OwnKernel> ownKernel() {
        return Optional.empty();
    }

    /**
     * Measures one fork: a fresh page or process that runs the plan's blocks in order. A fork that
     * cannot be measured returns a failed {@link ForkMeasurement} with its reason (and the blocks it
     * measured before); exceptions are for broken engines and are recorded as failures by the caller too.
     */
    ForkMeasurement measure(ForkPlan fork) throws Exception;

    /**
     * Whether one fork can measure several worker counts (a curve per fork). Engines that cannot
     * get one fork per worker count.
     */
    default boolean measuresCurves() {
        return true;
    }

    /** How long a fork takes before its first block, about: start-up and warm-up (for the plan's estimate). */
    default Duration typicalSetUp(ForkPlan fork) {
        return Duration.ofSeconds(1).plusMillis(fork.settings().warmupIterations() * fork.settings().iterationMillis());
    }

    @Override
    default void close() throws Exception {}
}
