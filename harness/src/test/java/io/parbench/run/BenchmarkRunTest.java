package io.parbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Engine;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.jvm.JvmEngine;
import io.parbench.engines.nativelib.NativeEngine;
import io.parbench.plan.Plan;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import io.parbench.results.RunInfo;
import io.parbench.results.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on the real native engine: checksums verified, failures recorded, the document saved. */
class BenchmarkRunTest {

    private static final MeasurementSettings TINY = new MeasurementSettings(1, 1, 2, 50);

    @TempDir Path dir;

    @Test
    void verifiesEveryChecksumAndFailsAMismatchKeepingItsSamples() throws Exception {
        Configuration right = new Configuration("native", "forkjoin", null, 1024, 2);
        Configuration wrong = new Configuration("native", "forkjoin", null, 1000, 1);
        // The reference is honest for size 1024 (the C reference's sum of mix64(i), i < 1024) and
        // deliberately wrong for 1000.
        ExpectedChecksums expected = new ExpectedChecksums(c -> Optional.of(
                c.size() == 1024 ? "ddd4e928c0d0b7dd" : "00000000deadbeef"));
        Path file = dir.resolve("results.json");

        RunDocument doc;
        try (Engine engine = new NativeEngine(42, Duration.ofSeconds(60))) {
            doc = run(List.of(right, wrong), Map.of("native", engine), expected, file);
        }

        assertTrue(doc.run().complete());
        assertNotNull(doc.run().finished());
        assertEquals(doc, ResultsReader.read(file), "what is returned is what was saved");
        ConfigurationResult ok = doc.configurations().get(0);
        assertEquals(Status.OK, ok.status(), ok.reason());
        assertEquals("ddd4e928c0d0b7dd", ok.checksum());
        assertEquals(2, ok.flatSamples().size());
        assertTrue(ok.flatSamples().stream().allMatch(s -> s > 0), ok.samples().toString());

        ConfigurationResult mismatch = doc.configurations().get(1);
        assertEquals(Status.FAILED, mismatch.status());
        assertEquals("fd587117989f0251", mismatch.checksum()); // the sum of mix64(i), i < 1000
        assertEquals("00000000deadbeef", mismatch.expectedChecksum());
        assertTrue(mismatch.reason().startsWith("checksum mismatch: computed fd587117989f0251, expected 00000000deadbeef"),
                mismatch.reason());
        assertEquals(2, mismatch.flatSamples().size(), "a mismatch keeps its samples for inspection");
    }

    @Test
    void anEngineErrorFailsThatConfigurationAndTheRunGoesOn() throws Exception {
        Configuration tooBig = new Configuration("native", "sum", null, Long.MAX_VALUE / 4, 1);
        Configuration fine = new Configuration("native", "forkjoin", null, 64, 1);
        Path file = dir.resolve("results.json");

        RunDocument doc;
        try (Engine engine = new NativeEngine(42, Duration.ofSeconds(60))) {
            doc = run(List.of(tooBig, fine), Map.of("native", engine), ExpectedChecksums.fromReference(42), file);
        }

        ConfigurationResult failed = doc.configurations().get(0);
        assertEquals(Status.FAILED, failed.status());
        assertFalse(failed.reason().isBlank());
        assertTrue(failed.samples().isEmpty());
        assertEquals(Status.OK, doc.configurations().get(1).status(), doc.configurations().get(1).reason());
        assertEquals("b849c45140ab3f48", doc.configurations().get(1).expectedChecksum()); // the sum of mix64(i), i < 64
    }

    /**
     * The C pool's accounting of each fork's blocks, per worker count: W workers, each worker's four
     * times adding up to the blocks' wall time (the pool's identity), and one region per step of
     * nbody (one pb_parallel_for per step).
     */
    @Test
    void theNativePoolsAccountingOfEachForkIsKeptBesideItsSamples() throws Exception {
        List<Configuration> curve = List.of(new Configuration("native", "nbody", null, 300, 1),
                new Configuration("native", "nbody", null, 300, 2));
        RunDocument doc;
        try (Engine engine = new NativeEngine(42, Duration.ofSeconds(120))) {
            doc = run(curve, Map.of("native", engine), ExpectedChecksums.fromReference(42), dir.resolve("results.json"));
        }
        assertEquals(doc, ResultsReader.read(dir.resolve("results.json")), "the accounting reads back as saved");
        for (ConfigurationResult result : doc.configurations()) {
            int w = result.configuration().workers();
            assertEquals(Status.OK, result.status(), result.reason());
            assertEquals(result.samples().size(), result.accounting().size());
            for (int list = 0; list < result.samples().size(); list++) {
                PointAccounting point = result.accounting().get(list);
                // The blocks the fork's value is the median of (ForkValues.accounting): warm-up blocks are left out.
                assertEquals(result.samples().get(list).size() % 2 == 1 ? 1 : 2, point.blocks(), point.toString());
                assertTrue(point.steps() > 0 && point.wallNs() > 0, point.toString());
                PoolAccounting pool = point.pool();
                assertEquals("pb_pool", pool.source());
                assertEquals(w, pool.workers().size(), "the workers taking part, at W=" + w);
                assertEquals(point.steps(), pool.regions(), "nbody enters one region per step");
                for (PoolAccounting.WorkerTimes worker : pool.workers()) {
                    long accounted = worker.busyNs() + worker.searchingNs() + worker.asleepNs() + worker.parkedNs();
                    assertEquals(point.wallNs(), accounted, point.wallNs() / 100.0, "a worker's times add up to the wall: " + point);
                }
            }
        }
    }

    /** The jvm engine's forkjoin accounting: the pool's threads' CPU time as busy time, the steals on worker 0. */
    @Test
    void theForkJoinPoolsThreadsAreAccountedByTheirCpuTime() throws Exception {
        Configuration two = new Configuration("jvm", "forkjoin", null, 1024, 2);
        RunDocument doc;
        try (Engine engine = new JvmEngine(42, Duration.ofSeconds(120))) {
            doc = run(List.of(two), Map.of("jvm", engine), ExpectedChecksums.fromReference(42), dir.resolve("results.json"));
        }
        ConfigurationResult result = doc.configurations().getFirst();
        assertEquals(Status.OK, result.status(), result.reason());
        for (PointAccounting point : result.accounting()) {
            PoolAccounting pool = point.pool();
            assertEquals("forkjoin", pool.source());
            assertEquals(2, pool.workers().size());
            assertTrue(pool.workers().stream().mapToLong(PoolAccounting.WorkerTimes::busyNs).sum() > 0, pool.toString());
            assertNotNull(pool.workers().getFirst().steals());
            assertNull(pool.workers().getFirst().asleepNs(), "ForkJoinPool keeps no sleep time");
        }
    }

    private static RunDocument run(List<Configuration> configurations, Map<String, Engine> engines,
            ExpectedChecksums expected, Path file) {
        Plan plan = new Plan(configurations, TINY, 42, "quick");
        List<ForkPlan> forks = plan.forks(engine -> engines.get(engine).measuresCurves());
        RunInfo info = new RunInfo("test", List.of("parbench", "run"), Instant.now(), null, false, 42, "quick", TINY);
        Progress progress = new Progress(new PrintStream(new ByteArrayOutputStream()), false, forks.size());
        return new BenchmarkRun(forks, engines, expected, info, MachineFacts.probe(Map.of()), file, progress).execute();
    }
}
