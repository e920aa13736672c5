package io.parbench.change;

import java.util.List;

/**
 * The statistics' verdict on one check, as values; the formatters word it.
 *
 * @param change relative change of B against A, exp(mean log-ratio) - 1 (negative: B slower)
 * @param low lower end of the change's interval, as a relative change
 * @param high upper end
 * @param confidence the interval's two-sided confidence (already corrected for looks, and for checks
 *     where the decision needs it: {@link DecisionRule})
 * @param replicates what it rests on: rounds (pairs of forks) for a paired change, else the fewest forks of a group
 * @param outlierRounds rounds (counting from 1) whose log-ratio lies beyond Tukey's outer fences:
 *     shown to people, still part of the estimate
 * @param replicatesNeeded undecided checks: about how many replicates (rounds, or forks per side) would
 *     decide at the noise seen; null otherwise
 */
public record CheckDecision(
        Outcome outcome, double change, double low, double high, double confidence, int replicates,
        List<Integer> outlierRounds, Integer replicatesNeeded) {

    public CheckDecision {
        outlierRounds = List.copyOf(outlierRounds);
    }
}
