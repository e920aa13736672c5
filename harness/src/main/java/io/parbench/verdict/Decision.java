package io.parbench.gate;

/**
 * The statistical decision about one change.
 *
 * @param change relative change of the estimate, current / baseline - 1 (negative: slower)
 * @param changeLow lower end of the change's confidence interval, where the method gives one
 * @param samplesNeeded for undecided verdicts: about how many forks per side (gate) or rounds
 *     (compare) would decide; null otherwise
 * @param reason one sentence on why, for people
 */
public record Decision(
        Verdict verdict,
        double change,
        Double changeLow,
        Double changeHigh,
        Integer samplesNeeded,
        String reason) {}
