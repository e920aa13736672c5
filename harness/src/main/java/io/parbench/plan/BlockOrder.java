package io.parbench.plan;

import io.parbench.engines.Block;
import io.parbench.results.ComparisonSide;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of a fork's blocks. Every point (side, worker count) is measured once per pass; the
 * first pass is a random permutation and the passes alternate it with its reverse (1, 2, 4, 4, 2,
 * 1, 1, 2, 4 …; ABBA for two points), so a drift inside the fork that is linear in time reaches
 * every point alike, and the order is not the same in every fork.
 */
public final class BlockOrder {

    private BlockOrder() {}

    /**
     * @param passes blocks per point (the measurement iterations)
     * @param random draws the first pass's permutation
     */
    public static List<Block> balanced(List<ComparisonSide> sides, List<Integer> workers, int passes, Random random) {
        if (sides.isEmpty() || workers.isEmpty() || passes < 1) {
            throw new IllegalArgumentException("a fork needs a side, a worker count and a pass: " + sides + ", " + workers + ", " + passes);
        }
        List<Block> pass = new ArrayList<>();
        for (ComparisonSide side : sides) {
            for (int w : workers) {
                pass.add(new Block(side, w));
            }
        }
        Collections.shuffle(pass, random);
        List<Block> reversed = new ArrayList<>(pass);
        Collections.reverse(reversed);
        List<Block> order = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            order.addAll(p % 2 == 0 ? pass : reversed);
        }
        return List.copyOf(order);
    }
}
