package io.parbench.results;

import java.util.List;

/**
 * What {@code parbench compare} measured: both sides' raw samples, round by round, in the order
 * they ran, and the settings its decisions depend on (see harness/GATE.md). Rewritten atomically
 * after every round; {@code run.complete} is false until the comparison ends.
 *
 * @param plan the configurations compared, in plan order
 */
public record ComparisonDocument(
        String format, int version, RunInfo run, Environment environment, ComparisonSetup setup, List<Configuration> plan,
        List<ComparisonRound> rounds) {

    public static final String FORMAT = "parbench-comparison";
    /**
     * Version 2 added each fork's number and its samples' positions (A and B paired inside one fork);
     * version 3 changed no field, only the rule a fork of both sides is read by (its neighbouring
     * blocks paired, {@link io.parbench.change.ForkValues#pairedLogRatio}), so that replays of older
     * documents keep theirs; version 4 changed no field either, only the level a check is decided
     * "no regression" at (alpha over looks, not over checks and looks: compare's SequentialPlan).
     * Versions 1 to 3 are still read, and replayed by their rules.
     */
    public static final int VERSION = 4;
    /** The first version whose forks of both sides count their neighbouring blocks' ratios. */
    public static final int NEIGHBOURING_BLOCKS_PAIRED = 3;
    /** The first version whose checks are decided "no regression" at a level of their own. */
    public static final int NO_REGRESSION_PER_CHECK = 4;
    public static final int OLDEST_READABLE_VERSION = 1;

    public ComparisonDocument {
        plan = plan == null ? List.of() : List.copyOf(plan);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
    }
}
