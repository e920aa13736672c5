package io.parbench.verdict;

import com.fasterxml.jackson.annotation.JsonValue;
import io.parbench.change.Outcome;
import java.util.Locale;

/** What the gate concluded about one check, most severe first (the order reports sort by). */
public enum Verdict {
    /** Significantly worse by more than the threshold. */
    REGRESSION(true),
    /** Speedup below a floor given with --min-speedup (or not measurable). */
    BELOW_FLOOR(true),
    /** The current run's configuration failed (crash, timeout, checksum mismatch, lost its threads). */
    FAILED(true),
    /**
     * Neither a regression nor ruled out: too few forks (gate), or the budget ended first (compare,
     * where it fails with --undecided fail).
     */
    UNDECIDED(false),
    /** Present on one side only, or not comparable: listed, never silently skipped. */
    MISSING(false),
    /** Significantly better by more than the threshold. */
    IMPROVED(false),
    /** The interval excludes a slowdown as large as the threshold. */
    NO_REGRESSION(false),
    FLOOR_MET(false);

    private final boolean fails;

    Verdict(boolean fails) {
        this.fails = fails;
    }

    /** The verdict of a decision rule's outcome. */
    public static Verdict of(Outcome outcome) {
        return switch (outcome) {
            case REGRESSION -> REGRESSION;
            case IMPROVEMENT -> IMPROVED;
            case NO_REGRESSION -> NO_REGRESSION;
            case UNDECIDED -> UNDECIDED;
        };
    }

    /** Whether this verdict makes the gate fail (exit code 1). */
    public boolean fails() {
        return fails;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Open questions, shown as skipped tests: undecided, missing. */
    public boolean open() {
        return this == UNDECIDED || this == MISSING;
    }

    /** For people: "below floor". */
    public String label() {
        return id().replace('_', ' ');
    }
}
