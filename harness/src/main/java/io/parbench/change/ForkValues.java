package io.parbench.change;

import io.parbench.statistics.Statistics;
import java.util.List;

/**
 * The value of one fork: the median of its iterations' throughputs. The fork (a fresh JVM or
 * page) is the unit of replication; iterations inside one agree within a few percent while forks
 * differ by 10-20%, so iterations are summarised, not counted as samples. The median keeps one
 * stalled iteration (a GC pause, preemption) from moving the fork's value.
 */
public final class ForkValues {

    private ForkValues() {}

    public static double of(List<Double> iterations) {
        if (iterations.isEmpty()) {
            throw new IllegalArgumentException("a fork without iterations has no value");
        }
        return Statistics.median(iterations);
    }
}
