package io.parbench.report;

import io.parbench.analysis.SampleStats;
import io.parbench.results.ConfigurationResult;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.List;

/** What deserves a second look in a measured configuration: noise, outliers, a capped thread count, a stalled page. */
final class Flags {

    /** A configuration whose samples vary more than this (coefficient of variation) is noisy. */
    static final double NOISY_CV = 0.05;

    /** A browser page whose main thread stalled longer than this while measuring was blocked. */
    static final double STALL_MILLIS = 50;

    private Flags() {}

    /** Short flags, e.g. {@code noisy: CV 7.2%}; empty when nothing stands out. */
    static List<String> of(ConfigurationResult result, SampleStats stats) {
        List<String> flags = new ArrayList<>();
        if (stats != null && stats.cv() > NOISY_CV) {
            flags.add("noisy: CV " + Format.percent(stats.cv()));
        }
        if (stats != null && !stats.outliers().isEmpty()) {
            int n = stats.outliers().size();
            flags.add(n + " outlier" + (n == 1 ? "" : "s") + " of " + stats.n() + " samples (kept)");
        }
        if (result.cappedAtThreads() != null) {
            flags.add("capped at " + result.cappedAtThreads() + " thread" + (result.cappedAtThreads() == 1 ? "" : "s") + ": the page ran fewer"
                    + " threads than the " + result.configuration().workers() + " workers asked for");
        }
        if (result.mainThreadMaxGapMillis() != null && result.mainThreadMaxGapMillis() > STALL_MILLIS) {
            flags.add("page main thread stalled " + Format.millis(result.mainThreadMaxGapMillis()));
        }
        return flags;
    }
}
