package io.parbench.compare;

import io.parbench.gate.Text;
import java.util.List;
import java.util.stream.Collectors;

/** How a comparison's decisions read for people: the statistics return numbers, this words them. */
final class ComparisonWording {

    private ComparisonWording() {}

    static String reason(CheckDecision d, double threshold) {
        String interval = Text.change(d.change()) + " (" + Text.percent(d.confidence()) + " interval " + Text.change(d.low()) + " to "
                + Text.change(d.high()) + ", " + d.rounds() + " rounds)";
        String why = switch (d.outcome()) {
            case REGRESSION -> "B slower: " + interval + ", significant and beyond the " + Text.percent(threshold) + " threshold";
            case IMPROVEMENT -> "B faster: " + interval + ", significant and beyond the " + Text.percent(threshold) + " threshold";
            case NO_REGRESSION -> interval + ": a slowdown of " + Text.percent(threshold) + " or more is ruled out";
            case UNDECIDED -> interval + ": neither a " + Text.percent(threshold) + " slowdown nor its absence is shown"
                    + (d.roundsNeeded() == null ? "" : "; about " + d.roundsNeeded() + " rounds would decide at this noise");
        };
        return why + outliers(d.outlierRounds());
    }

    static String notLookedAt(int rounds) {
        return "undecided: only " + rounds + " complete round(s); the first look needs more (give a longer --budget)";
    }

    private static String outliers(List<Integer> rounds) {
        if (rounds.isEmpty()) {
            return "";
        }
        return "; far-out round" + (rounds.size() > 1 ? "s " : " ") + rounds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (kept in the estimate)";
    }
}
