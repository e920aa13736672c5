package io.parbench.run;

import io.parbench.change.ForkValues;
import io.parbench.engines.Block;
import io.parbench.engines.Engine;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Environment;
import io.parbench.results.ForkRecord;
import io.parbench.results.PointAccounting;
import io.parbench.results.RunDocument;
import io.parbench.results.RunInfo;
import io.parbench.results.SavedDocument;
import io.parbench.results.Status;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures a plan fork by fork (each a fresh page or JVM measuring a series' worker counts, see
 * {@link io.parbench.plan.Plan#forks}), verifies every checksum, and rewrites the results document
 * after each fork, so an interrupted run keeps what it measured (marked incomplete). A
 * configuration that failed is measured by no later fork; a fork that failed keeps the blocks it
 * measured before. A save that fails ends the run: what it would measure next could not be kept.
 */
public final class BenchmarkRun {

    private final List<ForkPlan> forks;
    private final Map<String, Engine> engines;
    private final ExpectedChecksums expected;
    private final SavedDocument<RunDocument> resultsFile;
    private final Progress progress;
    private final Map<Configuration, ConfigurationSamples> configurations = new LinkedHashMap<>();
    private final List<ForkRecord> records = new ArrayList<>();
    private RunInfo info;
    private final Environment environment;

    /** @param forks the plan's forks in the order they run */
    public BenchmarkRun(List<ForkPlan> forks, Map<String, Engine> engines, ExpectedChecksums expected, RunInfo info,
            Environment environment, Path resultsFile, Progress progress) {
        this.forks = List.copyOf(forks);
        this.engines = engines;
        this.expected = expected;
        this.info = info;
        this.environment = environment;
        this.resultsFile = SavedDocument.results(resultsFile, this.forks.size());
        this.progress = progress;
        for (ForkPlan fork : forks) {
            fork.configurations().forEach(c -> configurations.computeIfAbsent(c, ConfigurationSamples::new));
        }
    }

    /** Runs everything and returns the complete document (already written). */
    public RunDocument execute() {
        save();
        for (ForkPlan planned : forks) {
            ForkPlan fork = withoutFailed(planned);
            if (fork == null) {
                progress.skipped(planned);
                continue;
            }
            progress.starting(fork);
            Instant started = Instant.now();
            record(fork, started, measure(fork));
            progress.finished(fork, fork.configurations().stream().map(c -> configurations.get(c).result()).toList());
            save();
        }
        info = new RunInfo(info.parbenchVersion(), info.commandLine(), info.started(), Instant.now(), true,
                info.seed(), info.profile(), info.settings());
        progress.end();
        return save();
    }

    /** The results file and what it holds (for an interrupted or failed run's message). */
    public SavedDocument<RunDocument> resultsFile() {
        return resultsFile;
    }

    /** The fork without the worker counts that already failed; null when none is left. */
    private ForkPlan withoutFailed(ForkPlan fork) {
        List<Block> order = fork.order().stream().filter(b -> !configurations.get(fork.configuration(b.workers())).failed()).toList();
        return order.isEmpty() ? null : new ForkPlan(fork.series(), order, fork.settings());
    }

    private ForkMeasurement measure(ForkPlan fork) {
        try {
            return Objects.requireNonNull(engines.get(fork.series().engine()).measure(fork), "engine returned no measurement");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ForkMeasurement.failed("interrupted");
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return ForkMeasurement.failed(fork.series().engine() + " engine error: " + describe(e));
        }
    }

    /** Files the fork's blocks under their configurations and checks what each computed. */
    private synchronized void record(ForkPlan fork, Instant started, ForkMeasurement m) {
        int id = records.size() + 1;
        String prefix = "fork " + id + ": ";
        for (int w : fork.workers()) {
            Configuration c = fork.configuration(w);
            ConfigurationSamples samples = configurations.get(c);
            List<Double> values = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            List<PointAccounting> accounting = new ArrayList<>();
            for (int i = 0; i < m.blocks().size(); i++) {
                if (m.blocks().get(i).block().workers() == w) {
                    values.add(m.blocks().get(i).stepsPerSecond());
                    positions.add(i);
                    accounting.add(m.blocks().get(i).accounting());
                }
            }
            samples.add(id, values, positions, ForkValues.accounting(values, accounting), m.poolStartupMillis(), m.mainThreadMaxGapMillis(),
                    Instant.now());
            if (m.status() == Status.FAILED) {
                if (m.failedAt() == null || m.failedAt().workers() == w) {
                    samples.fail(prefix + m.reason());
                } else {
                    samples.note(prefix + "ended early, at W=" + m.failedAt().workers() + " (" + m.reason() + ")");
                }
            } else {
                Status status = m.status() == Status.FALLBACK && w > 1 ? Status.FALLBACK : Status.OK;
                String checksum = m.checksums().get(Block.of(w));
                samples.adapterRun(m.adapterRuns().get(Block.of(w)));
                samples.checked(expected.verify(c, status, status == Status.FALLBACK ? m.reason() : null, checksum), checksum);
            }
        }
        records.add(new ForkRecord(id, fork.series(), fork.workers(), m.status(), m.reason(), fork.order().size(), m.blocks().size(),
                m.poolStartupMillis(), m.steadyAfterMillis(), m.mainThreadMaxGapMillis(), m.attempts(), started, m.notes()));
    }

    private synchronized RunDocument save() {
        List<ConfigurationResult> results = configurations.values().stream()
                .filter(c -> info.complete() || c.hasNews())
                .map(ConfigurationSamples::result)
                .toList();
        RunDocument doc = new RunDocument(RunDocument.FORMAT, RunDocument.VERSION, info, environment, List.copyOf(records), results);
        return resultsFile.save(doc);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
