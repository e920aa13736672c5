package io.parbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parbench.jmh.ForkOrder.Point;
import io.parbench.jmh.ForkOrder.Side;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
