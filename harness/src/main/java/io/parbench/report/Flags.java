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

    /** Why a configuration is flagged. */
    enum Cause { NOISY, OUTLIERS, CAPPED, STALLED }

    /** One flag: its cause and its words, e.g. {@code noisy: CV 7.2%}. */
    record Flag(Cause cause, String text) {}

    private Flags() {}

    /** Short flags, e.g. {@code noisy: CV 7.2%}; empty when nothing stands out. */
    static List<String> of(ConfigurationResult result, SampleStats stats) {
        return flags(result, stats).stream().map(Flag::text).toList();
    }

    /** The flags with their causes, in the order {@link #of} words them. */
    static List<Flag> flags(ConfigurationResult result, SampleStats stats) {
        List<Flag> flags = new ArrayList<>();
        if (stats != null && stats.cv() > NOISY_CV) {
            flags.add(new Flag(Cause.NOISY, "noisy: CV " + Format.percent(stats.cv())));
        }
        if (stats != null && !stats.outliers().isEmpty()) {
            int n = stats.outliers().size();
            flags.add(new Flag(Cause.OUTLIERS, n + " outlier" + (n == 1 ? "" : "s") + " of " + stats.n() + " samples (kept)"));
        }
        if (result.cappedAtThreads() != null) {
            flags.add(new Flag(Cause.CAPPED, "capped at " + result.cappedAtThreads() + " thread" + (result.cappedAtThreads() == 1 ? "" : "s")
                    + ": the page ran fewer threads than the " + result.configuration().workers() + " workers asked for"));
        }
        if (result.mainThreadMaxGapMillis() != null && result.mainThreadMaxGapMillis() > STALL_MILLIS) {
            flags.add(new Flag(Cause.STALLED, "page main thread stalled " + Format.millis(result.mainThreadMaxGapMillis())));
        }
        return flags;
    }
}
