package io.parbench.engines;

import io.parbench.results.ComparisonSide;

/**
 * One measured stretch of a fork: one measurement iteration of one side at one worker count.
 * A run measures only {@link ComparisonSide#CURRENT}; a comparison that pairs A and B inside the
 * fork measures both.
 */
public record Block(ComparisonSide side, int workers) {

    public Block {
        if (side == null || workers < 1) {
            throw new IllegalArgumentException("a block needs a side and at least one worker, not " + side + ", " + workers);
        }
    }

    /** The block of a run (no comparison): side B at W. */
    public static Block of(int workers) {
        return new Block(ComparisonSide.CURRENT, workers);
    }
}
