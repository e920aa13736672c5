package io.parbench.compare;

import io.parbench.change.CheckDecision;
import io.parbench.gate.ChangeWording;

/** How a comparison's decisions read for people: the statistics return numbers, this words them. */
final class ComparisonWording {

    private ComparisonWording() {}

    static String reason(CheckDecision d, double threshold) {
        return "B " + ChangeWording.reason(d, threshold, "rounds");
    }

    static String notLookedAt(int rounds) {
        return "undecided: only " + rounds + " complete round(s); the first look needs more (give a longer --budget)";
    }
}
