package io.parbench.run;

import io.parbench.compare.ComparisonReplay;
import io.parbench.compare.SequentialPlan;
import io.parbench.engines.Engine;
import io.parbench.engines.Measurement;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonRound;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.ForkResult;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.RunInfo;
import io.parbench.results.SavedDocument;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Measures a comparison in rounds: in each round every configuration still undecided gets one
 * fresh fork per side, the configurations and, for each, the two sides in random order, back to
 * back (never all of A, then all of B: whatever the machine does meanwhile reaches both sides
 * alike). After each round the document is rewritten atomically and the decisions updated;
 * rounds stop when every check is decided, the plan's last look is reached, or the next round
 * would not fit in the time budget.
 */
public final class ComparisonRun {

    private final Map<ComparisonSide, Map<String, Engine>> engines;
    private final MeasurementSettings forkSettings;
    private final ExpectedChecksums expected;
    private final ComparisonReplay decisions;
    private final Duration budget;
    private final Random order;
    private final SavedDocument<ComparisonDocument> file;
    private final ComparisonProgress progress;
    private final List<ComparisonRound> rounds = new ArrayList<>();
    private ComparisonDocument document;

    /**
     * @param start the document as it starts: run, environment, setup and plan, no rounds
     * @param settings warm-up and iterations of each fork (its fork count is ignored: one per side per round)
     */
    public ComparisonRun(ComparisonDocument start, Map<ComparisonSide, Map<String, Engine>> engines, MeasurementSettings settings,
            ExpectedChecksums expected, ComparisonReplay decisions, Path file, ComparisonProgress progress) {
        this.document = start;
        this.engines = engines;
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
        double secondsPerPair = 0;
        while (true) {
            List<Configuration> next = new ArrayList<>(decisions.nextRound());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            Duration nextRound = Duration.ofMillis((long) (1000 * secondsPerPair * next.size()));
            if (next.isEmpty() || (!rounds.isEmpty() && elapsed.plus(nextRound).compareTo(budget) > 0)) {
                break;
            }
            long roundStart = System.nanoTime();
            ComparisonRound round = measureRound(rounds.size() + 1, next);
            rounds.add(round);
            decisions.add(round);
            long roundNanos = System.nanoTime() - roundStart;
            secondsPerPair = roundNanos / 1e9 / next.size();
            if (rounds.size() == 1) {
                fitPlanToBudget(roundNanos);
            }
            save();
            progress.round(round, decisions.sampling().decided(), decisions.sampling().checks().size(),
                    Duration.ofNanos(System.nanoTime() - startNanos), budget);
        }
        decisions.finish();
        RunInfo info = document.run();
        document = withRun(new RunInfo(info.parbenchVersion(), info.commandLine(), info.started(), Instant.now(), true, info.seed(),
                info.profile(), info.settings()));
        return save();
    }

    /**
     * After the first round, at its pace, the plan ends where the budget does (later rounds can only
     * be cheaper: decided configurations drop out), so no alpha waits for looks that never come.
     * The fitted last round goes into the document, from which a replay rebuilds the same plan.
     */
    private void fitPlanToBudget(long firstRoundNanos) {
        int roundsThatFit = (int) Math.min(Integer.MAX_VALUE, budget.toNanos() / Math.max(1, firstRoundNanos));
        decisions.fitRounds(roundsThatFit);
        SequentialPlan plan = decisions.sampling().plan();
        document = new ComparisonDocument(document.format(), document.version(), document.run(), document.environment(),
                document.setup().withMaxRounds(plan.maxRounds()), document.plan(), document.rounds());
        progress.planFitted(plan.lookRounds(), budget);
    }

    /** The comparison file and what it holds (for an interrupted or failed comparison's message). */
    public SavedDocument<ComparisonDocument> comparisonFile() {
        return file;
    }

    private ComparisonRound measureRound(int index, List<Configuration> configurations) {
        Instant started = Instant.now();
        Collections.shuffle(configurations, order);
        List<ForkResult> forks = new ArrayList<>();
        for (Configuration c : configurations) {
            List<ComparisonSide> sides = new ArrayList<>(List.of(ComparisonSide.BASELINE, ComparisonSide.CURRENT));
            Collections.shuffle(sides, order);
            for (ComparisonSide side : sides) {
                progress.fork(index, c, side);
                ForkResult fork = verify(c, side, measure(side, c));
                progress.forkDone(fork);
                forks.add(fork);
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new ComparisonRound(index, started, forks, load < 0 ? null : load);
    }

    private Measurement measure(ComparisonSide side, Configuration c) {
        try {
            return Objects.requireNonNull(engines.get(side).get(c.engine()).measure(c, forkSettings), "engine returned no measurement");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Measurement.failed("interrupted");
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return Measurement.failed(c.engine() + " engine error: " + BenchmarkRun.describe(e));
        }
    }

    /** Both sides must compute the answer every engine and worker count computes: the same work. */
    private ForkResult verify(Configuration c, ComparisonSide side, Measurement m) {
        ExpectedChecksums.Verdict verdict = expected.verify(c, m);
        List<Double> samples = m.samples() == null || m.samples().isEmpty() ? List.of() : m.samples().getFirst();
        return new ForkResult(c, side, verdict.status(), verdict.reason(), samples, m.checksum(), verdict.expected(),
                m.poolStartupMillis());
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
