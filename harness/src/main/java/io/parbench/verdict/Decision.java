package io.parbench.verdict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.parbench.change.CheckDecision;

/**
 * The statistical decision about one change, as numbers; {@link #reason()} words it for people.
 *
 * @param change relative change of the estimate, current / baseline - 1 (negative: slower)
 * @param changeLow lower end of the change's confidence interval, where the method gives one
 * @param samplesNeeded for undecided verdicts: about how many forks per side (gate) or rounds
 *     (compare) would decide; null otherwise
 * @param grounds what the verdict rests on
 */
public record Decision(
        Verdict verdict,
        double change,
        Double changeLow,
        Double changeHigh,
        Integer samplesNeeded,
        @JsonIgnore Grounds grounds) {

    /** What a decision rests on. */
    public sealed interface Grounds permits Tested, TooFewForks, NotLookedAt {}

    /** What the replicates of a tested change are. */
    public enum Replicates {
        /** compare: rounds of one fork of side A and one of side B, paired. */
        ROUNDS,
        /** gate: the forks of two documents, independent. */
        FORKS_PER_SIDE
    }

    /** Decided by the change's interval against the threshold (the decision rule). */
    public record Tested(CheckDecision decision, double threshold, Replicates replicates) implements Grounds {}

    /**
     * The gate with fewer forks on a side than it decides with.
     *
     * @param needed forks per side that would decide at the spread seen, or null when it cannot be told
     */
    public record TooFewForks(int fewest, int minimum, Integer needed) implements Grounds {}

    /** A comparison that ended before its first look at this check. */
    public record NotLookedAt(int rounds) implements Grounds {}

    /** Why this verdict, in one sentence for people. */
    @JsonProperty
    public String reason() {
        return ChangeWording.reason(this);
    }
}
