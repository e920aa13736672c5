package io.parbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.change.ForkValues;
import io.parbench.change.Outcome;
import io.parbench.compare.CheckKey;
import io.parbench.compare.ComparisonReplay;
import io.parbench.compare.ComparisonReport;
import io.parbench.engines.Block;
import io.parbench.engines.Engine;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonFiles;
import io.parbench.results.ComparisonRound;
import io.parbench.results.ComparisonSetup;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.ForkResult;
import io.parbench.results.MachineAccounting;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.PointAccounting;
import io.parbench.results.RunInfo;
import io.parbench.results.SideSetup;
import io.parbench.results.Status;
import io.parbench.verdict.Metric;
import io.parbench.verdict.GateSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round scheduler on simulated engines: interleaving, auto-sampling, the saved document, decisions replayed. */
class ComparisonRunTest {

    private static final List<Configuration> PLAN = List.of(
            new Configuration("sim", "nbody", null, 512, 1), new Configuration("sim", "nbody", null, 512, 2));
    private static final GateSettings SETTINGS = GateSettings.defaults();

    @TempDir Path dir;

    /** What the runs printed as they went. */
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    /**
     * An engine whose forks land 5% apart from one another (iterations inside one 1% apart), side B's
     * blocks at {@code factor} of side A's.
     */
    private record SimulatedEngine(double factor, Random rng, boolean measuresCurves) implements Engine {
        SimulatedEngine(double factor, Random rng) {
            this(factor, rng, true);
        }

        @Override public String name() { return "sim"; }
        @Override public EngineFacts probe() { return EngineFacts.available("sim", Map.of()); }
        @Override public ForkMeasurement measure(ForkPlan fork) {
            double level = Math.exp(0.05 * rng.nextGaussian());
            List<ForkMeasurement.MeasuredBlock> blocks = new ArrayList<>();
            for (Block block : fork.order()) {
                double rate = (block.workers() == 1 ? 1000 : 1900) * (block.side() == ComparisonSide.CURRENT ? factor : 1) * level;
                blocks.add(new ForkMeasurement.MeasuredBlock(block, rate * (1 + 0.01 * rng.nextGaussian()), machine(block), null));
            }
            Map<Block, String> checksums = new HashMap<>();
            fork.order().forEach(block -> checksums.put(block, "00000000000000aa"));
            return new ForkMeasurement(Status.OK, null, blocks, checksums, null, null, null, null, 1, List.of());
        }

        /**
         * What the machine gave a block's workers: side B's each ran 3 ms and waited 1 ms for a CPU
         * (a quarter of the time they wanted one); side A's blocks have no machine figures.
         */
        private static PointAccounting machine(Block block) {
            if (block.side() == ComparisonSide.BASELINE) {
                return null;
            }
            List<MachineAccounting.ThreadTimes> threads = IntStream.rangeClosed(1, block.workers())
                    .mapToObj(w -> new MachineAccounting.ThreadTimes("pb-worker-" + w, 2_000_000, 2_000_000)).toList();
            // Others used 1 ms of the 2 CPUs x 4 ms the machine had: an eighth.
            return new PointAccounting(1, 4_000_000, 10, null,
                    new MachineAccounting(threads, new MachineAccounting.OtherProcesses(1_000_000, 8_000_000), null));
        }
    }

    private ComparisonDocument run(double factor, Duration budget) {
        return run(factor, budget, false);
    }

    /** @param inFork whether one engine measures both sides in each fork */
    private ComparisonDocument run(double factor, Duration budget, boolean inFork) {
        return run(factor, budget, inFork, null);
    }

    /** @param rerunContended the contention rule's limit, null: off */
    private ComparisonDocument run(double factor, Duration budget, boolean inFork, Double rerunContended) {
        return run(factor, budget, inFork, rerunContended, true);
    }

    /** @param curves whether the engines measure a whole curve per fork (byo: a page per worker count) */
    private ComparisonDocument run(double factor, Duration budget, boolean inFork, Double rerunContended, boolean curves) {
        Random rng = new Random(3);
        Map<ComparisonSide, Map<String, Engine>> engines = new EnumMap<>(ComparisonSide.class);
        engines.put(ComparisonSide.BASELINE, inFork ? Map.of() : Map.of("sim", new SimulatedEngine(1, rng, curves)));
        engines.put(ComparisonSide.CURRENT, inFork ? Map.of() : Map.of("sim", new SimulatedEngine(factor, rng, curves)));
        Map<String, Engine> paired = inFork ? Map.of("sim", new SimulatedEngine(factor, rng, curves)) : Map.of();
        return run(budget, rerunContended, engines, paired);
    }

    /** @param paired the engine that measures both sides in one fork ("sim"), or none: {@code engines} measure a side each */
    private ComparisonDocument run(Duration budget, Double rerunContended, Map<ComparisonSide, Map<String, Engine>> engines,
            Map<String, Engine> paired) {
        boolean inFork = !paired.isEmpty();
        ComparisonSetup setup = new ComparisonSetup(new SideSetup(ComparisonSide.BASELINE, Map.of("adapter", "old"), Map.of()),
                new SideSetup(ComparisonSide.CURRENT, Map.of(), Map.of()), List.of("5%"), 0.05, 6, 2, 30, budget, "pass", 11,
                Map.of("sim", inFork ? ComparisonSetup.IN_FORK : "separate forks"), rerunContended);
        MeasurementSettings settings = new MeasurementSettings(1, 0, 3, 1);
        ComparisonDocument start = new ComparisonDocument(ComparisonDocument.FORMAT, ComparisonDocument.VERSION,
                new RunInfo("test", List.of(), Instant.now(), null, false, 42, "quick", settings),
                new Environment("h", "os", "arch", "cpu", 2, 1, "jvm", Map.of()), setup, PLAN, List.of());
        ComparisonReplay decisions = new ComparisonReplay(PLAN, setup, 2, SETTINGS.thresholds());
        return new ComparisonRun(start, engines, paired, settings, new ExpectedChecksums(c -> Optional.empty()), decisions,
                dir.resolve("comparison.json"), new ComparisonProgress(new PrintStream(progress), false)).execute();
    }

    @Test
    void withoutPairingEveryRoundGivesEachSideAForkOfTheWholeCurveBackToBackInRandomOrder() {
        ComparisonDocument doc = run(1, Duration.ofMinutes(5));
        Set<ComparisonSide> firsts = new HashSet<>();
        for (ComparisonRound round : doc.rounds()) {
            List<ForkResult> results = round.forks();
            assertEquals(4, results.size(), "W = 1 and 2 of each side");
            assertEquals(2, results.stream().mapToInt(ForkResult::fork).distinct().count(), "one fork per side measures both worker counts");
            assertEquals(results.get(0).fork(), results.get(1).fork());
            assertEquals(results.get(0).side(), results.get(1).side());
            assertTrue(results.get(0).side() != results.get(2).side(), "then the other side's fork");
            firsts.add(results.get(0).side());
        }
        assertEquals(2, firsts.size(), "both sides go first sometimes");
    }

    @Test
    void pairedInOneForkEachRoundIsOneForkWithBothSidesAtEveryWorkerCountInterleaved() {
        ComparisonDocument doc = run(1, Duration.ofMinutes(5), true);
        for (ComparisonRound round : doc.rounds()) {
            List<ForkResult> results = round.forks();
            assertEquals(4, results.size());
            assertEquals(1, results.stream().mapToInt(ForkResult::fork).distinct().count(), "one fork holds A and B");
            List<Integer> positions = results.stream().flatMap(r -> r.positions().stream()).sorted().toList();
            assertEquals(IntStream.range(0, 12).boxed().toList(), positions, "3 blocks of each of the 4 points, each position once");
        }
        assertEquals(ComparisonSetup.IN_FORK, doc.setup().pairingOf("sim"));
    }

    /**
     * A round of a fork of both sides counts its neighbouring blocks' ratios; a document written before
     * that rule (version 2) is replayed with the ratio of the sides' medians it was decided by.
     */
    @Test
    void aForkOfBothSidesCountsItsNeighbouringBlocksAndOlderDocumentsTheirMedians() {
        ComparisonDocument doc = run(1 / 1.2, Duration.ofMinutes(5), true);
        ComparisonDocument older = new ComparisonDocument(doc.format(), 2, doc.run(), doc.environment(), doc.setup(), doc.plan(), doc.rounds());
        CheckKey<Configuration> check = new CheckKey<>(PLAN.get(1), Metric.THROUGHPUT);
        double[] now = ComparisonReplay.of(doc, SETTINGS.thresholds()).sampling().data().logRatios(check, Integer.MAX_VALUE);
        double[] then = ComparisonReplay.of(older, SETTINGS.thresholds()).sampling().data().logRatios(check, Integer.MAX_VALUE);
        assertEquals(doc.rounds().size(), now.length);
        for (int r = 0; r < now.length; r++) {
            ForkResult a = side(doc.rounds().get(r), PLAN.get(1), ComparisonSide.BASELINE);
            ForkResult b = side(doc.rounds().get(r), PLAN.get(1), ComparisonSide.CURRENT);
            assertEquals(ForkValues.pairedLogRatio(a.samples(), a.positions(), b.samples(), b.positions()), now[r], 1e-12);
            assertEquals(Math.log(ForkValues.of(b.samples()) / ForkValues.of(a.samples())), then[r], 1e-12);
        }
        assertTrue(!Arrays.equals(now, then), "the two rules read the same blocks differently");
        assertTrue(ComparisonReport.of(doc, ComparisonReplay.of(doc, SETTINGS.thresholds()), SETTINGS).method().contains("neighbouring blocks"));
    }

    private static ForkResult side(ComparisonRound round, Configuration configuration, ComparisonSide side) {
        return round.forks().stream().filter(f -> f.configuration().equals(configuration) && f.side() == side).findFirst().orElseThrow();
    }

    /** An engine that measures one worker count per fork (byo) and pairs the sides gets a fork of both sides per worker count. */
    @Test
    void pairedInOneForkWithoutCurvesEachRoundIsAForkOfBothSidesPerWorkerCount() {
        ComparisonDocument doc = run(1, Duration.ofMinutes(5), true, null, false);
        for (ComparisonRound round : doc.rounds()) {
            List<ForkResult> results = round.forks();
            assertEquals(4, results.size());
            assertEquals(2, results.stream().mapToInt(ForkResult::fork).distinct().count(), "one fork per worker count");
            for (int fork : results.stream().mapToInt(ForkResult::fork).distinct().toArray()) {
                List<ForkResult> ofFork = results.stream().filter(r -> r.fork() == fork).toList();
                assertEquals(1, ofFork.stream().map(r -> r.configuration().workers()).distinct().count(), ofFork::toString);
                assertEquals(Set.of(ComparisonSide.BASELINE, ComparisonSide.CURRENT), ofFork.stream().map(ForkResult::side).collect(Collectors.toSet()));
                assertEquals(IntStream.range(0, 6).boxed().toList(), ofFork.stream().flatMap(r -> r.positions().stream()).sorted().toList(),
                        "3 blocks of each side, each position once");
            }
        }
    }

    @Test
    void pairedInOneForkASlowdownIsCaughtAndNothingElse() {
        ComparisonReplay replay = ComparisonReplay.of(run(1 / 1.2, Duration.ofMinutes(5), true), SETTINGS.thresholds());
        assertEquals(2, replay.sampling().decisions().values().stream().filter(d -> d.outcome() == Outcome.REGRESSION).count());
    }

    @Test
    void aSlowdownIsDecidedAtTheFirstLookAndTheFileGivesTheSameDecisions() {
        ComparisonDocument doc = run(1 / 1.2, Duration.ofMinutes(5));
        assertTrue(doc.run().complete());
        ComparisonDocument read = ComparisonFiles.read(dir.resolve("comparison.json"));
        assertEquals(doc.rounds().size(), read.rounds().size());
        ComparisonReplay replay = ComparisonReplay.of(read, SETTINGS.thresholds());
        // Throughput at W = 1 and 2 both slower by 1/1.2; the speedup unchanged: decided no regression,
        // or still sampled, until round 30 at most.
        assertEquals(2, replay.sampling().decisions().values().stream()
                .filter(d -> d.outcome() == Outcome.REGRESSION).count());
        assertTrue(doc.rounds().size() <= 30, "rounds " + doc.rounds().size());
    }

    @Test
    void eachForkRecordsTheShareOfItsWorkersTimeThatWaitedForACpuAndTheFileKeepsIt() {
        ComparisonDocument doc = run(1, Duration.ofMinutes(5), true);
        ComparisonDocument read = ComparisonFiles.read(dir.resolve("comparison.json"));
        for (ComparisonDocument d : List.of(doc, read)) {
            for (ComparisonRound round : d.rounds()) {
                for (ForkResult fork : round.forks()) {
                    if (fork.side() == ComparisonSide.CURRENT) {
                        assertEquals(0.5, fork.runQueueShare(), 1e-12, "2 ms waited of the 4 ms its workers wanted a CPU");
                        assertEquals(0.125, fork.otherProcessesShare(), 1e-12, "1 ms of the 8 ms the machine's CPUs had");
                    } else {
                        assertNull(fork.runQueueShare(), "unknown where the blocks have no machine figures");
                        assertNull(fork.otherProcessesShare());
                    }
                }
            }
        }
        assertTrue(progress.toString().contains("round 1: 1 forks; 0 of 3 checks decided;"), progress.toString());
        assertTrue(progress.toString().lines().filter(l -> l.startsWith("round ")).allMatch(l -> l.endsWith(
                "; contended — its forks' workers waited up to 50% of their time for a CPU")), "each round says so as it ends: " + progress);
    }

    /** Side B's workers wait half their time in every fork: with the rule below that, no pair counts, and each is measured again. */
    @Test
    void withTheRuleContendedPairsAreSetAsideAndMeasuredAgainInTheNextRound() {
        ComparisonDocument doc = run(1 / 1.2, Duration.ofMinutes(5), true, 0.4);
        assertEquals(30, doc.rounds().size(), "nothing is decided, so every round up to the last look measures both");
        doc.rounds().forEach(round -> assertEquals(4, round.forks().size()));
        ComparisonDocument read = ComparisonFiles.read(dir.resolve("comparison.json"));
        assertEquals(0.4, read.setup().rerunContended(), "the rule is in the setup, so a replay applies it too");
        ComparisonReplay replay = ComparisonReplay.of(read, SETTINGS.thresholds());
        assertEquals(IntStream.rangeClosed(1, 30).boxed().toList(), replay.setAside().get(PLAN.get(0)), "every round's pair set aside");
        assertTrue(replay.sampling().decisions().values().stream().noneMatch(d -> d.outcome().decided()), "no round counted");
        ComparisonReplay lenient = ComparisonReplay.of(run(1 / 1.2, Duration.ofMinutes(5), true, 0.6), SETTINGS.thresholds());
        assertTrue(lenient.setAside().isEmpty());
        assertEquals(2, lenient.sampling().decisions().values().stream().filter(d -> d.outcome() == Outcome.REGRESSION).count());
    }

    @Test
    void thePlanIsFittedAtThePaceOfTheRoundsAfterTheFirstUntilTheFirstLook() {
        // The first round takes 2 s (a browser's launch), later ones ~20 ms: at the first round's pace
        // a 5 s budget holds 2 rounds, and the plan would stop at its first look (6 rounds).
        SimulatedEngine simulated = new SimulatedEngine(1, new Random(3));
        int[] forks = {0};
        Engine slowToStart = new Engine() {
            @Override public String name() { return simulated.name(); }
            @Override public EngineFacts probe() { return simulated.probe(); }
            @Override public boolean measuresCurves() { return true; }
            @Override public ForkMeasurement measure(ForkPlan fork) {
                try {
                    Thread.sleep(forks[0]++ == 0 ? 2000 : 20);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return simulated.measure(fork);
            }
        };
        ComparisonDocument doc = run(Duration.ofSeconds(5), null, new EnumMap<>(Map.of(ComparisonSide.BASELINE, Map.of(),
                ComparisonSide.CURRENT, Map.of())), Map.of("sim", slowToStart));
        assertTrue(doc.setup().maxRounds() > 6, "refitted after round 2 at the later rounds' pace: " + doc.setup().maxRounds() + progress);
        assertTrue(progress.toString().lines().filter(line -> line.startsWith("looks at rounds")).count() >= 2,
                "the new plan is shown: " + progress);
        assertEquals(doc.setup().maxRounds(), ComparisonReplay.of(ComparisonFiles.read(dir.resolve("comparison.json")), SETTINGS.thresholds())
                .sampling().plan().maxRounds(), "a replay rebuilds the plan as fitted last");
    }

    @Test
    void aSpentBudgetStopsAfterTheFirstRound() {
        ComparisonDocument doc = run(1, Duration.ofNanos(1));
        assertEquals(1, doc.rounds().size());
        assertTrue(doc.run().complete());
        assertEquals(6, doc.setup().maxRounds(), "a plan fitted to a budget that holds no round keeps only its first look");
        assertEquals(30, run(1, Duration.ofHours(1)).setup().maxRounds(), "and one that holds more never goes beyond --max-rounds");
    }
}
