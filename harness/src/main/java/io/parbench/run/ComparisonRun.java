package io.parbench.run;

import io.parbench.compare.ComparisonReplay;
import io.parbench.compare.SequentialPlan;
import io.parbench.engines.Block;
import io.parbench.engines.Engine;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.plan.BlockOrder;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonRound;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.ForkResult;
import io.parbench.results.MachineAccounting;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.RunInfo;
import io.parbench.results.SavedDocument;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Measures a comparison in rounds. In each round every series with a configuration still
 * undecided gets its forks, the series in random order: where an engine pairs the sides inside one
 * fork, one fresh page or JVM measures A and B at each worker count needed, their blocks
 * interleaved in a balanced order (the fork's own level cancels in B / A); otherwise each side gets
 * fresh forks of its own, back to back in random order (never all of A, then all of B: whatever the
 * machine does meanwhile reaches both sides alike). After each round the document is rewritten
 * atomically and the decisions updated; rounds stop when every check is decided, the plan's last
 * look is reached, or the next round would not fit in the time budget.
 */
public final class ComparisonRun {

    private final Map<ComparisonSide, Map<String, Engine>> engines;
    private final Map<String, Engine> paired;
    private final MeasurementSettings forkSettings;
    private final ExpectedChecksums expected;
    private final ComparisonReplay decisions;
    private final Duration budget;
    private final Random order;
    private final SavedDocument<ComparisonDocument> file;
    private final ComparisonProgress progress;
    private final List<ComparisonRound> rounds = new ArrayList<>();
    private int forks;
    private ComparisonDocument document;

    /**
     * @param start the document as it starts: run, environment, setup and plan, no rounds
     * @param engines each side's engines, by name
     * @param paired the engines that measure both sides inside one fork, by name (these sides' own engines are not used)
     * @param settings warm-up and iterations of each fork (its fork count is ignored: the rounds are the forks)
     */
    public ComparisonRun(ComparisonDocument start, Map<ComparisonSide, Map<String, Engine>> engines, Map<String, Engine> paired,
            MeasurementSettings settings, ExpectedChecksums expected, ComparisonReplay decisions, Path file, ComparisonProgress progress) {
        this.document = start;
        this.engines = engines;
        this.paired = Map.copyOf(paired);
        this.forkSettings = new MeasurementSettings(1, settings.warmupIterations(), settings.iterations(), settings.iterationMillis());
        this.expected = expected;
        this.decisions = decisions;
        this.budget = start.setup().budget();
        this.order = new Random(start.setup().orderSeed());
        this.file = SavedDocument.comparison(file);
        this.progress = progress;
    }

    /** Runs the rounds and returns the finished document (already written). */
    public ComparisonDocument execute() {
        save();
        long startNanos = System.nanoTime();
        double secondsPerConfiguration = 0;
        long firstRoundNanos = 0;
        long laterRoundsNanos = 0;
        while (true) {
            List<Configuration> next = new ArrayList<>(decisions.nextRound());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            Duration nextRound = Duration.ofMillis((long) (1000 * secondsPerConfiguration * next.size()));
            if (next.isEmpty() || (!rounds.isEmpty() && elapsed.plus(nextRound).compareTo(budget) > 0)) {
                break;
            }
            long roundStart = System.nanoTime();
            ComparisonRound round = measureRound(rounds.size() + 1, next);
            rounds.add(round);
            decisions.add(round);
            long roundNanos = System.nanoTime() - roundStart;
            secondsPerConfiguration = roundNanos / 1e9 / next.size();
            if (rounds.size() == 1) {
                firstRoundNanos = roundNanos;
            } else {
                laterRoundsNanos += roundNanos;
            }
            if (decisions.sampling().looksTaken() == 0) {
                fitPlanToBudget(firstRoundNanos, rounds.size() == 1 ? firstRoundNanos : laterRoundsNanos / (rounds.size() - 1));
            }
            save();
            progress.round(round, document.environment().logicalCores(), decisions.sampling().decided(), decisions.sampling().checks().size(),
                    Duration.ofNanos(System.nanoTime() - startNanos), budget);
        }
        decisions.finish();
        RunInfo info = document.run();
        document = withRun(new RunInfo(info.parbenchVersion(), info.commandLine(), info.started(), Instant.now(), true, info.seed(),
                info.profile(), info.settings()));
        return save();
    }

    /**
     * After each round before the first look, the plan ends where the budget does at the pace so far
     * (later rounds can only be cheaper: decided configurations drop out), so no alpha waits for looks
     * that never come. The first round is timed apart: it carries the browsers' launches, and at its
     * pace alone a 10-minute plan of 50 s rounds planned 12 rounds and stopped after 6 minutes. The
     * pace is time, never data, so the plan still does not depend on which side is slower. The
     * fitted last round goes into the document, from which a replay rebuilds the same plan.
     */
    private void fitPlanToBudget(long firstRoundNanos, long laterRoundNanos) {
        long roundsThatFit = 1 + Math.max(0, budget.toNanos() - firstRoundNanos) / Math.max(1, laterRoundNanos);
        List<Integer> before = decisions.sampling().plan().lookRounds();
        decisions.fitRounds((int) Math.min(Integer.MAX_VALUE, roundsThatFit));
        SequentialPlan plan = decisions.sampling().plan();
        document = new ComparisonDocument(document.format(), document.version(), document.run(), document.environment(),
                document.setup().withMaxRounds(plan.maxRounds()), document.plan(), document.rounds());
        if (rounds.size() == 1 || !plan.lookRounds().equals(before)) {
            progress.planFitted(plan.lookRounds(), budget);
        }
    }

    /** The comparison file and what it holds (for an interrupted or failed comparison's message). */
    public SavedDocument<ComparisonDocument> comparisonFile() {
        return file;
    }

    private ComparisonRound measureRound(int index, List<Configuration> configurations) {
        Instant started = Instant.now();
        Map<SeriesKey, List<Integer>> series = new LinkedHashMap<>();
        for (Configuration c : configurations) {
            series.computeIfAbsent(c.series(), k -> new ArrayList<>()).add(c.workers());
        }
        List<SeriesKey> seriesOrder = new ArrayList<>(series.keySet());
        Collections.shuffle(seriesOrder, order);
        List<ForkResult> results = new ArrayList<>();
        for (SeriesKey key : seriesOrder) {
            List<Integer> workers = series.get(key).stream().sorted().toList();
            Engine both = paired.get(key.engine());
            if (both != null) {
                for (List<Integer> forkWorkers : perFork(both, workers)) {
                    results.addAll(measure(index, both, fork(key, List.of(ComparisonSide.BASELINE, ComparisonSide.CURRENT), forkWorkers), null));
                }
                continue;
            }
            List<ComparisonSide> sides = new ArrayList<>(List.of(ComparisonSide.BASELINE, ComparisonSide.CURRENT));
            Collections.shuffle(sides, order);
            for (ComparisonSide side : sides) {
                Engine engine = engines.get(side).get(key.engine());
                for (List<Integer> forkWorkers : perFork(engine, workers)) {
                    // A side's own engine measures its own build, which every engine calls side B (current).
                    results.addAll(measure(index, engine, fork(key, List.of(ComparisonSide.CURRENT), forkWorkers), side));
                }
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new ComparisonRound(index, started, results, load < 0 ? null : load);
    }

    /** The worker counts of each fork: the whole curve in one, or one each for an engine that measures one per fork. */
    private static List<List<Integer>> perFork(Engine engine, List<Integer> workers) {
        return engine.measuresCurves() ? List.of(workers) : workers.stream().map(List::of).toList();
    }

    /** A fork of the series at these worker counts on these sides, its blocks in a balanced order drawn from the order seed. */
    private ForkPlan fork(SeriesKey series, List<ComparisonSide> sides, List<Integer> workers) {
        return new ForkPlan(series, BlockOrder.balanced(sides, workers, forkSettings.iterations(), order), forkSettings);
    }

    /**
     * Measures one fork and files what it measured per configuration and side, each checked against the expected checksum;
     * {@code filedAs} is the side a one-sided fork of a side's own engine measures (null: the fork's sides as they are).
     */
    private List<ForkResult> measure(int round, Engine engine, ForkPlan fork, ComparisonSide filedAs) {
        int id = ++forks;
        progress.fork(round, fork, filedAs == null ? fork.sides() : List.of(filedAs));
        ForkMeasurement m = measure(engine, fork);
        List<ForkResult> results = new ArrayList<>();
        for (ComparisonSide side : fork.sides()) {
            for (int w : fork.workers()) {
                Block point = new Block(side, w);
                Configuration c = fork.configuration(w);
                List<Double> samples = new ArrayList<>();
                List<Integer> positions = new ArrayList<>();
                List<MachineAccounting> machine = new ArrayList<>();
                for (int i = 0; i < m.blocks().size(); i++) {
                    ForkMeasurement.MeasuredBlock measured = m.blocks().get(i);
                    if (measured.block().equals(point)) {
                        samples.add(measured.stepsPerSecond());
                        positions.add(i);
                        machine.add(measured.accounting() == null ? null : measured.accounting().machine());
                    }
                }
                boolean failedHere = m.status() == Status.FAILED && (m.failedAt() == null || m.failedAt().equals(point)
                        || samples.size() < fork.order().stream().filter(point::equals).count());
                String checksum = m.checksums().get(point);
                ExpectedChecksums.Verdict verdict = failedHere
                        ? expected.verify(c, Status.FAILED, m.reason(), checksum)
                        : expected.verify(c, m.status() == Status.FALLBACK && w > 1 ? Status.FALLBACK : Status.OK, m.reason(), checksum);
                results.add(new ForkResult(c, filedAs == null ? side : filedAs, id, verdict.status(), verdict.reason(), samples, positions, checksum, verdict.expected(),
                        m.poolStartupMillis(), MachineAccounting.runQueueShare(machine), MachineAccounting.otherProcessesShare(machine)));
            }
        }
        progress.forkDone(results);
        return results;
    }

    private ForkMeasurement measure(Engine engine, ForkPlan fork) {
        try {
            return Objects.requireNonNull(engine.measure(fork), "engine returned no measurement");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ForkMeasurement.failed("interrupted");
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return ForkMeasurement.failed(fork.series().engine() + " engine error: " + BenchmarkRun.describe(e));
        }
    }

    private ComparisonDocument withRun(RunInfo info) {
        return new ComparisonDocument(document.format(), document.version(), info, document.environment(), document.setup(),
                document.plan(), List.copyOf(rounds));
    }

    private synchronized ComparisonDocument save() {
        document = withRun(document.run());
        return file.save(document);
    }
}
