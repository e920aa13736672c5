package io.parbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parbench.jmh.ForkOrder.Point;
import io.parbench.jmh.ForkOrder.Side;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ForkOrderTest {

    @Test
    void aCurveIsWorkerCountsInOrderAndWarmUpCyclesThroughItsPoints() {
        ForkOrder order = ForkOrder.parse(" 1 2  4 4 2 1 ");
        assertEquals("1 2 4 4 2 1", order.toString());
        assertEquals(List.of(new Point(Side.B, 1), new Point(Side.B, 2), new Point(Side.B, 4)), order.points());
        assertEquals(Set.of(Side.B), order.sides());
        assertEquals(new TreeSet<>(List.of(1, 2, 4)), order.workers(Side.B));
        assertEquals(new Point(Side.B, 4), order.measured(3));
        assertEquals(new Point(Side.B, 1), order.warmed(0));
        assertEquals(new Point(Side.B, 1), order.warmed(3));
        assertEquals(new Point(Side.B, 2), order.warmed(4));
    }

    @Test
    void oneCountMeasuresEveryIterationAtIt() {
        ForkOrder order = ForkOrder.parse("2");
        assertEquals(new Point(Side.B, 2), order.measured(0));
        assertEquals(new Point(Side.B, 2), order.measured(7));
    }

    /**
     * A harness's fork: its blocks but the last, then one accounting block per point (each side's, in
     * the order they first appear), then its last block.
     */
    @Test
    void accountingBlocksComeBeforeTheLastBlockOnePerPoint() {
        ForkOrder order = ForkOrder.parse("A1 2 A2 1 1 A2 2 A1");
        assertEquals(12, order.iterationsWithAccounting());
        List<Point> iterations = IntStream.range(0, 12).mapToObj(order::withAccounting).toList();
        List<Point> points = List.of(new Point(Side.A, 1), new Point(Side.B, 2), new Point(Side.A, 2), new Point(Side.B, 1));
        assertEquals(order.blocks().subList(0, 7), iterations.subList(0, 7));
        assertEquals(points, iterations.subList(7, 11));
        assertEquals(new Point(Side.A, 1), iterations.get(11));
        assertEquals(List.of(7, 8, 9, 10), IntStream.range(0, 12).filter(order::accounting).boxed().toList());
        // One block: the accounting block first.
        ForkOrder one = ForkOrder.parse("2");
        assertEquals(List.of(true, false), List.of(one.accounting(0), one.accounting(1)));
    }

    @Test
    void bothSidesOfAComparisonAreSpelledWithTheirLetters() {
        ForkOrder order = ForkOrder.parse("A1 b1 B2 a2");
        assertEquals("A1 1 2 A2", order.toString());
        assertEquals(Set.of(Side.A, Side.B), order.sides());
        assertEquals(new TreeSet<>(List.of(1, 2)), order.workers(Side.A));
        assertEquals(order, ForkOrder.parse(order.toString()));
    }

    @Test
    void anythingElseIsRefusedSayingWhatAFork() {
        assertEquals("workers '1 x' is not a worker count or a fork's blocks ('2', '1 2 2 1', 'A1 B1 B2 A2'): 'x' is not a count"
                + " of at least 1, optionally after its side A or B.",
                assertThrows(IllegalArgumentException.class, () -> ForkOrder.parse("1 x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ForkOrder.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> ForkOrder.parse("C2"));
        assertThrows(IllegalArgumentException.class, () -> ForkOrder.parse(""));
    }
}
