package io.parbench.report;

import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SpeedupDecomposition;
import io.parbench.analysis.SpeedupDecomposition.Part;
import io.parbench.text.Format;

/** Where a speedup went, and what a speedup above the limit is, in words (the numbers are the analysis'). */
final class DecompositionWording {

    /** Marks a speedup above the limit that is not a result (an anomaly, or unexplained). */
    static final String DOUBTFUL_MARK = "!";
    /** Marks a superlinear speedup: reproducible, with less busy time per step than at W = 1. */
    static final String SUPERLINEAR_MARK = "+";

    private DecompositionWording() {}

    /** The mark after a speedup: {@link #DOUBTFUL_MARK}, {@link #SUPERLINEAR_MARK} or none. */
    static String mark(ScalingPoint point) {
        return point.beyondLimit() == null ? "" : point.doubtful() ? DOUBTFUL_MARK : SUPERLINEAR_MARK;
    }

    /** A part's short name, for the chart's legend. */
    static String name(Part part) {
        return switch (part) {
            case MACHINE -> "machine (run-queue wait)";
            case IDLE_WORKERS -> "idle workers (asleep, waiting for work)";
            case RUNTIME -> "runtime (searching, waking up)";
            case SLOWER_WORK -> "slower work (busy time per step above W=1's)";
            case WORK_AND_RUNTIME -> "work and runtime (CPU time per step above W=1's)";
            case NOT_ATTRIBUTED -> "not attributed (the accounting does not split it)";
        };
    }

    /**
     * E.g. {@code webkit W=2: S 0.93 of 2; 0.81 lost to idle workers (asleep, waiting for work)}; a
     * superlinear gain is named instead when nothing was lost.
     */
    static String dominant(String label, SpeedupDecomposition d) {
        String head = label + " W=" + d.workers() + ": S " + figure(speedup(d)) + " of " + d.workers();
        String line = d.dominantLoss()
                .map(loss -> head + "; " + figure(loss.value()) + " lost to " + name(loss.part()))
                .orElseGet(() -> d.superlinearGain() > 0
                        ? head + "; " + figure(d.superlinearGain()) + " gained from less busy time per step than at W=1"
                        : head + "; nothing lost");
        return d.addsUp() ? line : line + " (" + notAddingUp(d) + ")";
    }

    /** E.g. {@code the accounting says S 1.62: 0.31 from the samples, more than 5% of W}. */
    static String notAddingUp(SpeedupDecomposition d) {
        return "the accounting says S " + figure(d.accountedSpeedup()) + ": " + figure(Math.abs(d.residual())) + " from the samples, more than "
                + Format.percent(SpeedupDecomposition.ADDS_UP) + " of W";
    }

    /** What a speedup above the limit is, with its evidence; null within the limit. */
    static String beyondLimit(ScalingPoint point, int limit, int cores) {
        if (point.beyondLimit() == null) {
            return null;
        }
        String above = "speedup " + Format.times(point.speedup()) + " is above what " + limit + " workers"
                + (cores > 0 ? " on " + cores + " cores" : "") + " can give";
        SpeedupDecomposition d = point.decomposition();
        return switch (point.beyondLimit()) {
            case SUPERLINEAR -> above + " in every fork" + forks(d) + ", and the accounting shows why: "
                    + figure(d.superlinearGain()) + " of it gained from less busy time per step than at W=1 (caches,"
                    + " memory): superlinear, a result";
            case UNEXPLAINED -> above + " in every fork, but " + (d == null ? "no accounting was taken to show why"
                    : "the accounting shows no less busy time per step than at W=1") + ". Not counted as a result";
            case ANOMALY -> above + " in one fork, not in every one: an anomaly, not counted as a result; re-run with more forks";
        };
    }

    /** The speedup named in words: the measured one, else the accounted one. */
    static double speedup(SpeedupDecomposition d) {
        return d.measuredSpeedup() != null ? d.measuredSpeedup() : d.accountedSpeedup();
    }

    /** A part or speedup in speedup units, to two decimals: {@code 0.81}. */
    static String figure(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private static String forks(SpeedupDecomposition d) {
        return d.paired() ? " (" + d.forks() + " forks, each paired with its own W=1)" : " (" + d.forks() + " forks)";
    }
}
