package io.parbench.engines;

import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import java.time.Duration;
import java.util.List;

/**
 * What one fork (a fresh page or JVM, the unit of replication) measures: worker counts of one
 * series, on one side or on both sides of a comparison, one measurement iteration per block, in
 * the order given (drawn by {@code io.parbench.plan.BlockOrder}). Whatever the fork divides (T(W) by
 * T(1), B by A) is then measured inside it, where the fork's own level cancels.
 *
 * @param order the blocks in the order they run
 * @param settings warm-up and iteration duration (the order already holds the iterations)
 */
public record ForkPlan(SeriesKey series, List<Block> order, MeasurementSettings settings) {

    public ForkPlan {
        order = List.copyOf(order);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("a fork measures at least one block");
        }
    }

    /** The worker counts it measures, ascending. */
    public List<Integer> workers() {
        return order.stream().map(Block::workers).distinct().sorted().toList();
    }

    /** The most workers any block uses: the size of the fork's pool. */
    public int maxWorkers() {
        return order.stream().mapToInt(Block::workers).max().orElseThrow();
    }

    /** The sides it measures: B alone for a run, A and B for a comparison paired inside the fork. */
    public List<ComparisonSide> sides() {
        return order.stream().map(Block::side).distinct().sorted().toList();
    }

    /** The configuration measured at {@code workers}. */
    public Configuration configuration(int workers) {
        return new Configuration(series.engine(), series.kernel(), series.variant(), series.size(), workers);
    }

    public List<Configuration> configurations() {
        return workers().stream().map(this::configuration).toList();
    }

    /** The fork's planned time: its set-up (start-up and warm-up, about) and its blocks. */
    public Duration plannedTime(Duration setUp) {
        return setUp.plusMillis(order.size() * settings.iterationMillis());
    }

    /**
     * How long the fork may take before the watchdog stops it: the configured timeout (--timeout),
     * or by default a start-up allowance plus three times its planned time (a step may well
     * outlast an iteration, and a busy machine slows everything).
     *
     * @param configured the timeout given, or null for the automatic one
     * @param startUp what starting the fork may take however short it is (a JVM, a browser page)
     */
    public Duration timeout(Duration configured, Duration startUp, Duration setUp) {
        return configured != null ? configured : startUp.plus(plannedTime(setUp).multipliedBy(3));
    }
}
