package io.parbench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parbench.engines.Block;
import io.parbench.results.ComparisonSide;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockOrderTest {

    private static final List<ComparisonSide> ONE_SIDE = List.of(ComparisonSide.CURRENT);
    private static final List<ComparisonSide> TWO_SIDES = List.of(ComparisonSide.BASELINE, ComparisonSide.CURRENT);

    @Test
    void everyPointGetsOneBlockPerPass() {
        List<Block> order = BlockOrder.balanced(TWO_SIDES, List.of(1, 2, 4), 5, new Random(1));
        Map<Block, Long> blocks = order.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(6, blocks.size());
        blocks.values().forEach(count -> assertEquals(5L, count));
    }

    @Test
    void aLinearDriftReachesEveryPointAlikeWithAnEvenNumberOfPasses() {
        for (int seed = 0; seed < 20; seed++) {
            for (List<ComparisonSide> sides : List.of(ONE_SIDE, TWO_SIDES)) {
                List<Block> order = BlockOrder.balanced(sides, List.of(1, 2, 4, 8), 4, new Random(seed));
                Map<Block, Double> meanPosition = IntStream.range(0, order.size()).boxed()
                        .collect(Collectors.groupingBy(order::get, Collectors.averagingInt(i -> i)));
                double mean = (order.size() - 1) / 2.0;
                meanPosition.forEach((block, position) -> assertEquals(mean, position, 1e-9, block + " in " + order));
            }
        }
    }

    @Test
    void thePassesAlternateAPermutationAndItsReverse() {
        List<Block> order = BlockOrder.balanced(TWO_SIDES, List.of(1, 2), 3, new Random(3));
        List<Block> pass = order.subList(0, 4);
        assertEquals(4, pass.stream().distinct().count(), "the first pass holds every point once: " + order);
        assertEquals(pass.reversed(), order.subList(4, 8));
        assertEquals(pass, order.subList(8, 12));
    }

    @Test
    void theOrderIsDrawnFromTheSeed() {
        List<Integer> workers = List.of(1, 2, 4, 8, 16);
        assertEquals(BlockOrder.balanced(ONE_SIDE, workers, 2, new Random(5)), BlockOrder.balanced(ONE_SIDE, workers, 2, new Random(5)));
        long distinct = IntStream.range(0, 10).mapToObj(seed -> BlockOrder.balanced(ONE_SIDE, workers, 2, new Random(seed))).distinct().count();
        assertNotEquals(1L, distinct);
    }

    @Test
    void aForkWithoutASideACountOrAPassIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BlockOrder.balanced(List.of(), List.of(1), 2, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> BlockOrder.balanced(ONE_SIDE, List.of(), 2, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> BlockOrder.balanced(ONE_SIDE, List.of(1), 0, new Random(1)));
    }
}
