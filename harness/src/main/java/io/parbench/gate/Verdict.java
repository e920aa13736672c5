package io.parbench.gate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the gate concluded about one check, most severe first (the order reports sort by). */
public enum Verdict {
    /** Significantly worse by more than the threshold. */
    REGRESSION(true),
    /** Speedup below a floor given with --min-speedup (or not measurable). */
    BELOW_FLOOR(true),
    /** The current run's configuration failed (crash, timeout, checksum mismatch, lost its threads). */
    FAILED(true),
    /** The change looks larger than the threshold but the samples cannot show it, or there are too few. */
    INCONCLUSIVE(false),
    /** parbench compare: neither a regression nor ruled out when sampling ended; fails only with --undecided fail. */
    UNDECIDED(false),
    /** Present on one side only, or not comparable: listed, never silently skipped. */
    MISSING(false),
    /** Significantly better by more than the threshold. */
    IMPROVED(false),
    /** parbench compare: the interval excludes a slowdown as large as the threshold. */
    NO_REGRESSION(false),
    /** Within the threshold, or not distinguishable from noise. */
    UNCHANGED(false),
    FLOOR_MET(false);

    private final boolean fails;

    Verdict(boolean fails) {
        this.fails = fails;
    }

    /** Whether this verdict makes the gate fail (exit code 1). */
    public boolean fails() {
        return fails;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Open questions, shown as skipped tests and listed as needing attention: inconclusive, undecided, missing. */
    public boolean open() {
        return this == INCONCLUSIVE || this == UNDECIDED || this == MISSING;
    }

    /** For people: "below floor". */
    public String label() {
        return id().replace('_', ' ');
    }
}
