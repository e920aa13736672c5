package io.parbench.verdict;

import io.parbench.change.CheckDecision;
import io.parbench.text.Format;

/**
 * How a change's decision reads for people, gate and compare alike: the statistics return
 * numbers ({@link Decision}), this words them whenever a formatter asks for the reason.
 */
final class ChangeWording {

    private ChangeWording() {}

    static String reason(Decision decision) {
        return switch (decision.grounds()) {
            case Decision.Tested t -> t.replicates() == Decision.Replicates.ROUNDS
                    ? "B " + tested(t.decision(), t.threshold(), "rounds")
                    : tested(t.decision(), t.threshold(), "forks per side");
            case Decision.TooFewForks f -> tooFewForks(decision.change(), f.fewest(), f.minimum(), f.needed());
            case Decision.NotLookedAt n ->
                    "undecided: only " + n.rounds() + " complete round(s); the first look needs more (give a longer --budget)";
        };
    }

    /** @param unit what the replicates are: "rounds" (compare) or "forks per side" (gate) */
    private static String tested(CheckDecision d, double threshold, String unit) {
        String interval = Text.change(d.change()) + " (" + Format.percent(d.confidence()) + " interval " + Text.change(d.low()) + " to "
                + Text.change(d.high()) + ", " + d.replicates() + " " + unit + ")";
        String why = switch (d.outcome()) {
            case REGRESSION -> "slower: " + interval + ", significant and beyond the " + Format.percent(threshold) + " threshold";
            case IMPROVEMENT -> "faster: " + interval + ", significant and beyond the " + Format.percent(threshold) + " threshold";
            case NO_REGRESSION -> interval + ": a slowdown of " + Format.percent(threshold) + " or more is ruled out";
            case UNDECIDED -> interval + ": neither a " + Format.percent(threshold) + " slowdown nor its absence is shown"
                    + (d.replicatesNeeded() == null ? "" : "; about " + d.replicatesNeeded() + " " + unit + " would decide at this noise");
        };
        if (d.outlierRounds().isEmpty()) {
            return why;
        }
        return why + "; far-out round" + (d.outlierRounds().size() > 1 ? "s " : " ")
                + String.join(", ", d.outlierRounds().stream().map(String::valueOf).toList()) + " (kept in the estimate)";
    }

    private static String tooFewForks(double change, int fewest, int minimum, Integer needed) {
        return Text.change(change) + " from " + fewest + " fork" + (fewest == 1 ? "" : "s") + " on a side: forks are the samples"
                + " (processes differ more than iterations inside one), and at least " + minimum + " per side are needed"
                + (needed == null ? "" : "; about " + needed + " per side would decide at the spread seen") + " (--forks)";
    }
}
