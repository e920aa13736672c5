package io.parbench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCountsTest {

    @Test
    void listsAndRangesAreSortedAndDeduplicated() {
        assertEquals(List.of(1, 2, 3, 4, 8), WorkerCounts.parse("8, 1..4,2", 2));
    }

    @Test
    void autoDoublesUpToTheCoresAndAddsCoresMinusOneAndAnOversubscribedPoint() {
        assertEquals(List.of(1, 2, 4), WorkerCounts.parse("auto", 2));
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 63, 64, 128), WorkerCounts.parse("auto", 64));
        assertEquals(List.of(1, 2, 4, 5, 6, 12), WorkerCounts.parse("auto", 6));
        assertEquals(List.of(1, 2), WorkerCounts.parse("auto", 1));
    }

    @Test
    void quickIsOneTwoAndTheCores() {
        assertEquals(List.of(1, 2), WorkerCounts.parse("quick", 2));
        assertEquals(List.of(1, 2, 96), WorkerCounts.parse("quick", 96));
    }

    @Test
    void badExpressionsSayWhatIsWrongAndWhatToWrite() {
        for (String bad : List.of("0", "-1", "x", "4..2", "1..", "2000", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkerCounts.parse(bad, 4), bad);
            assertTrue(e.getMessage().startsWith("Bad --workers '" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("Use a list (1,2,4), a range (1..8)"), e.getMessage());
        }
    }
}
