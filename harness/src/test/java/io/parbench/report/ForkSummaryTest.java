package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parbench.results.Environment;
import io.parbench.results.ForkRecord;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.RunDocument;
import io.parbench.results.RunInfo;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkSummaryTest {

    @Test
    void eachEngineSaysHowItsForksWentAndOnlyProblemsReachTheTerminal() {
        RunDocument doc = document(
                fork(1, "firefox", Status.OK, 1200.0, 1),
                fork(2, "firefox", Status.OK, 1500.0, 2),
                fork(3, "firefox", Status.FAILED, 1300.0, 1),
                fork(4, "native", Status.OK, null, 1));
        assertEquals(List.of(
                "native: 1 fork, a curve of 3 worker counts each; none retried or failed",
                "firefox: 3 forks, a curve of 3 worker counts each; 1 page retried before measuring,"
                        + " 1 of 3 failed (their reasons are with their configurations); steady after 1.30 s of warm-up (median, 1.20 s – 1.50 s)"),
                ForkSummary.perEngine(doc));
        assertEquals(List.of("firefox: 1 page retried before measuring, 1 of 3 failed (their reasons are with their configurations)"),
                ForkSummary.problems(doc));
    }

    private static ForkRecord fork(int id, String engine, Status status, Double steadyAfter, int attempts) {
        return new ForkRecord(id, new SeriesKey(engine, "sum", null, 1024), List.of(1, 2, 4), status, null, 12, 12, null, steadyAfter, null,
                attempts, Instant.EPOCH, List.of());
    }

    private static RunDocument document(ForkRecord... forks) {
        RunInfo run = new RunInfo("test", List.of(), Instant.EPOCH, Instant.EPOCH, true, 42, "quick", new MeasurementSettings(1, 1, 3, 100));
        Environment env = new Environment("host", "Linux", "amd64", "cpu", 2, 1L << 30, "25", Map.of());
        return new RunDocument(RunDocument.FORMAT, RunDocument.VERSION, run, env, List.of(forks), List.of());
    }
}
