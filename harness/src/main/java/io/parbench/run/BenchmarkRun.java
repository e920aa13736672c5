package io.parbench.run;

import io.parbench.engines.Engine;
import io.parbench.engines.Measurement;
import io.parbench.plan.Plan;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Environment;
import io.parbench.results.ResultsWriter;
import io.parbench.results.RunDocument;
import io.parbench.results.RunInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures a plan's configurations one by one on their engines, verifies every checksum, and
 * rewrites the results document after each configuration, so an interrupted run keeps what it
 * measured (marked incomplete).
 */
public final class BenchmarkRun {

    private final Plan plan;
    private final Map<String, Engine> engines;
    private final ExpectedChecksums expected;
    private final Path resultsFile;
    private final Progress progress;
    private final List<ConfigurationResult> results = new ArrayList<>();
    private RunInfo info;
    private int saved;
    private final Environment environment;

    public BenchmarkRun(Plan plan, Map<String, Engine> engines, ExpectedChecksums expected, RunInfo info,
            Environment environment, Path resultsFile, Progress progress) {
        this.plan = plan;
        this.engines = engines;
        this.expected = expected;
        this.info = info;
        this.environment = environment;
        this.resultsFile = resultsFile;
        this.progress = progress;
    }

    /** Runs everything and returns the complete document (already written). */
    public RunDocument execute() {
        save();
        for (Configuration c : plan.configurations()) {
            progress.starting(c);
            ConfigurationResult result = verify(c, measure(c));
            results.add(result);
            progress.finished(result);
            save();
        }
        info = new RunInfo(info.parbenchVersion(), info.commandLine(), info.started(), Instant.now(), true,
                info.seed(), info.profile(), info.settings());
        progress.end();
        return save();
    }

    /** How many configurations the results file holds so far (for an interrupted run's message). */
    public synchronized int saved() {
        return saved;
    }

    private Measurement measure(Configuration c) {
        try {
            return Objects.requireNonNull(engines.get(c.engine()).measure(c, plan.settings()),
                    "engine returned no measurement");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Measurement.failed("interrupted");
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return Measurement.failed(c.engine() + " engine error: " + describe(e));
        }
    }

    /** A configuration counts only if it computed the same answer as every other. */
    private ConfigurationResult verify(Configuration c, Measurement m) {
        ExpectedChecksums.Verdict verdict = expected.verify(c, m);
        return new ConfigurationResult(c, verdict.status(), verdict.reason(), m.samples(), m.checksum(), verdict.expected(), m.poolStartupMillis(),
                m.mainThreadMaxGapMillis(), Instant.now(), m.notes(), m.adapter());
    }

    private synchronized RunDocument save() {
        RunDocument doc = new RunDocument(RunDocument.FORMAT, RunDocument.VERSION, info, environment,
                List.copyOf(results));
        ResultsWriter.write(doc, resultsFile);
        saved = results.size();
        return doc;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
