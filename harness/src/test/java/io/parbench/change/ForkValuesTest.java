package io.parbench.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForkValuesTest {

    private static final double SLOWER = Math.log(0.95);

    /**
     * A page whose rates climb 2% a block (a tier-up still going on), A and B in the order
     * ABBA ABBA …, B 5% slower: each pair of neighbouring blocks sees the climb once up and once
     * down, so their median is B's change.
     */
    @Test
    void neighbouringBlocksCancelAClimbInsideTheFork() {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Integer> aAt = new ArrayList<>();
        List<Integer> bAt = new ArrayList<>();
        String order = "ABBAABBAABBAABBABAAB";
        for (int i = 0; i < order.length(); i++) {
            double level = 1000 * Math.pow(1.02, i);
            if (order.charAt(i) == 'A') {
                a.add(level);
                aAt.add(i);
            } else {
                b.add(level * 0.95);
                bAt.add(i);
            }
        }
        assertEquals(SLOWER, ForkValues.pairedLogRatio(a, aAt, b, bAt), 1e-9);
    }

    /** Samples listed out of order are put in the fork's order before pairing; extra blocks of one side are left out. */
    @Test
    void pairsFollowPositionsNotTheListsOrder() {
        List<Double> a = List.of(300.0, 100.0, 200.0);
        List<Integer> aAt = List.of(4, 0, 2);
        List<Double> b = List.of(220.0, 110.0);
        List<Integer> bAt = List.of(3, 1);
        assertEquals(Math.log(1.1), ForkValues.pairedLogRatio(a, aAt, b, bAt), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ForkValues.pairedLogRatio(a, List.of(0, 2), b, bAt));
        assertThrows(IllegalArgumentException.class, () -> ForkValues.pairedLogRatio(List.of(), List.of(), b, bAt));
    }

    /**
     * A/A inside seeded pages whose level wanders (a random walk of 2% a block, as a page's rates do
     * while it tiers up or the machine's other work comes and goes) under 1% of noise per block: the
     * paired change centres on 0 and spreads less than the medians' ratio. (Under independent noise
     * alone the two spread alike: the gain is the wander's.)
     */
    @Test
    void inSeededAaPagesThePairedChangeIsUnbiasedAndTighter() {
        Random rng = new Random(7);
        double sumPaired = 0;
        double sumSquaresPaired = 0;
        double sumSquaresMedians = 0;
        int pages = 4000;
        for (int page = 0; page < pages; page++) {
            double level = 0;
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            List<Integer> aAt = new ArrayList<>();
            List<Integer> bAt = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                level += 0.02 * rng.nextGaussian();
                double rate = 1000 * Math.exp(level + 0.01 * rng.nextGaussian());
                boolean first = (i % 4 == 0 || i % 4 == 3) == (i / 4 % 2 == 0);
                (first ? a : b).add(rate);
                (first ? aAt : bAt).add(i);
            }
            double paired = ForkValues.pairedLogRatio(a, aAt, b, bAt);
            double medians = Math.log(ForkValues.of(b) / ForkValues.of(a));
            sumPaired += paired;
            sumSquaresPaired += paired * paired;
            sumSquaresMedians += medians * medians;
        }
        double mean = sumPaired / pages;
        double sd = Math.sqrt(sumSquaresPaired / pages - mean * mean);
        assertTrue(Math.abs(mean) < 3 * sd / Math.sqrt(pages), "centred on 0: " + mean);
        assertTrue(sd < 0.9 * Math.sqrt(sumSquaresMedians / pages), "paired " + sd + " against medians " + Math.sqrt(sumSquaresMedians / pages));
    }

    /**
     * A fork of three blocks, one stalled (a third as fast): its value is the median, and so is its
     * accounting: the middle block's, whose speedup is the samples' (a sum over all three gave the
     * stalled block a third of the time).
     */
    @Test
    void theAccountingIsOfTheBlocksTheMedianIsOf() {
        List<Double> rates = List.of(1000.0, 333.0, 990.0);
        List<PointAccounting> blocks = rates.stream().map(ForkValuesTest::blockAt).toList();
        assertEquals(blockAt(990.0), ForkValues.accounting(rates, blocks));
        List<Double> four = List.of(1000.0, 333.0, 990.0, 1010.0);
        assertEquals(PointAccounting.sum(List.of(blockAt(990.0), blockAt(1000.0))),
                ForkValues.accounting(four, four.stream().map(ForkValuesTest::blockAt).toList()), "an even count: the two middle blocks");
        assertEquals(blockAt(990.0), ForkValues.accounting(rates, Arrays.asList(blockAt(1000.0), null, blockAt(990.0))),
                "a block outside the median without accounting does not matter");
        assertNull(ForkValues.accounting(rates, Arrays.asList(blockAt(1000.0), blockAt(333.0), null)));
        assertThrows(IllegalArgumentException.class, () -> ForkValues.accounting(rates, blocks.subList(0, 2)));
    }

    /** A block of 100 ms at {@code rate} steps a second, worker 0 busy throughout. */
    private static PointAccounting blockAt(double rate) {
        long steps = Math.round(rate / 10);
        return new PointAccounting(1, 100_000_000, steps,
                new PoolAccounting("pb_pool", List.of(PoolAccounting.WorkerTimes.busy(100_000_000)), steps), null);
    }
}
