package io.parbench.change;

import io.parbench.results.PointAccounting;
import io.parbench.statistics.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

    /**
     * The accounting of the blocks a fork's value is the median of: the middle block by throughput,
     * or the two middle ones summed (an even count), so that the accounting describes what the
     * value does. A sum over all the blocks let one stalled block move it and not the value: in a
     * quick sweep its speedup then differed from the samples' by up to 0.21 at W = 2, by just the
     * median's difference from the mean. Null when one of those blocks has none.
     *
     * @param blocks each iteration's accounting, as {@code iterations} lists them
     */
    public static PointAccounting accounting(List<Double> iterations, List<PointAccounting> blocks) {
        if (blocks.size() != iterations.size()) {
            throw new IllegalArgumentException(iterations.size() + " iterations with " + blocks.size() + " accountings");
        }
        if (iterations.isEmpty()) {
            return null;
        }
        Integer[] byThroughput = new Integer[iterations.size()];
        for (int i = 0; i < byThroughput.length; i++) {
            byThroughput[i] = i;
        }
        Arrays.sort(byThroughput, Comparator.comparingDouble(iterations::get));
        int upper = byThroughput.length / 2;
        List<Integer> middle = byThroughput.length % 2 == 1 ? List.of(byThroughput[upper])
                : List.of(byThroughput[upper - 1], byThroughput[upper]);
        return PointAccounting.sum(middle.stream().map(blocks::get).toList());
    }

    /**
     * The change from side A to side B inside one fork that ran both (their blocks interleaved in a
     * balanced order): the median of ln(B/A) over pairs of neighbouring blocks, A's k-th block (in the
     * fork's order) with B's k-th. The balanced order puts them next to each other, so what drifts
     * inside the fork (a late tier-up, a machine slowing down) cancels in each pair, where the ratio
     * of the sides' medians keeps part of it. On the A/A calibration runs (7 comparisons, 898 pairs
     * of sides) its spread across rounds was 0.74-0.89 of the medians' ratio's, and both centred on 0.
     * The median again keeps one stalled block from moving it.
     *
     * @param positions each iteration's place in the fork's order, as the samples are listed
     */
    public static double pairedLogRatio(List<Double> baseline, List<Integer> baselinePositions, List<Double> current,
            List<Integer> currentPositions) {
        List<Double> a = inForkOrder(baseline, baselinePositions);
        List<Double> b = inForkOrder(current, currentPositions);
        int pairs = Math.min(a.size(), b.size());
        if (pairs == 0) {
            throw new IllegalArgumentException("a fork without iterations of both sides has no paired change");
        }
        List<Double> logRatios = new ArrayList<>(pairs);
        for (int k = 0; k < pairs; k++) {
            logRatios.add(Math.log(b.get(k) / a.get(k)));
        }
        return Statistics.median(logRatios);
    }

    private static List<Double> inForkOrder(List<Double> samples, List<Integer> positions) {
        if (positions.size() != samples.size()) {
            throw new IllegalArgumentException(samples.size() + " samples with " + positions.size() + " positions");
        }
        Integer[] order = new Integer[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(positions::get));
        return Arrays.stream(order).map(samples::get).toList();
    }
}
