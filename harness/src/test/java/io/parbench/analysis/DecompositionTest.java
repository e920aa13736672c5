package io.parbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.ConfigurationResult;
import io.parbench.results.MachineAccounting;
import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import io.parbench.results.SampleSource;
import io.parbench.results.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The decomposition on seeded accounting whose answer is known: each loss attributed to its part
 * within 5 points (0.05 × W of speedup), and the parts adding up to the speedup the samples measured.
 */
class DecompositionTest {

    /** 5 points of the ideal speedup W. */
    private static final double POINTS = 0.05;
    private static final long STEPS = 10_000;
    private static final double T1 = 1000; // ns per step at W = 1

    /** What one worker did per step, in ns. */
    private record Worker(double busy, double searching, double asleep, double wakeLatency, double runQueue) {

        static Worker busy(double ns) {
            return new Worker(ns, 0, 0, 0, 0);
        }
    }

    @Test
    void aSerialFractionIsLostToIdleWorkers() {
        // Amdahl with f = 0.2 at W = 4: worker 0 runs the serial part and its share, the helpers sleep through the serial part.
        double f = 0.2;
        int w = 4;
        double tW = f * T1 + (1 - f) * T1 / w;
        Worker helper = new Worker((1 - f) * T1 / w, 1, tW - (1 - f) * T1 / w - 1, 2, 0);
        SeriesAnalysis s = series(w, tW, List.of(Worker.busy(tW), helper, helper, helper));

        SpeedupDecomposition d = decomposition(s, w);
        assertEquals((w - 1) * f * T1 / tW, d.idleWorkers(), POINTS * w, d.toString());
        assertSmall(d.machine(), d.runtime(), d.slowerWork());
        assertEquals(SpeedupDecomposition.Part.IDLE_WORKERS, d.dominantLoss().orElseThrow().part());
        assertAddsUp(d);
    }

    @Test
    void anImbalancedSplitIsLostToIdleWorkers() {
        // Worker 0 gets two thirds of the work at W = 2; worker 1 sleeps for the rest of each step.
        double tW = 2 * T1 / 3;
        SeriesAnalysis s = series(2, tW, List.of(Worker.busy(tW), new Worker(T1 / 3, 0, tW - T1 / 3, 0, 0)));

        SpeedupDecomposition d = decomposition(s, 2);
        assertEquals(0.5, d.idleWorkers(), POINTS * 2, d.toString());
        assertSmall(d.machine(), d.runtime(), d.slowerWork());
        assertAddsUp(d);
    }

    @Test
    void aBusyMachineIsLostToTheMachine() {
        // A hog takes a third of each core: each worker's half of the step waits 250 ns per step for a CPU, inside its busy time.
        double wait = 250;
        double tW = T1 / 2 + wait;
        Worker worker = new Worker(tW, 0, 0, 0, wait);
        SeriesAnalysis s = series(2, tW, List.of(worker, worker));

        SpeedupDecomposition d = decomposition(s, 2);
        assertEquals(2 * wait / tW, d.machine(), POINTS * 2, d.toString());
        assertSmall(d.idleWorkers(), d.runtime(), d.slowerWork());
        assertEquals(SpeedupDecomposition.Part.MACHINE, d.dominantLoss().orElseThrow().part());
        assertAddsUp(d);
    }

    @Test
    void lessBusyTimePerStepIsASuperlinearGainAndTheSpeedupAResult() {
        // Each worker's half of the data fits its cache: 450 ns where the whole took 1000 ns.
        double tW = 450;
        SeriesAnalysis s = series(2, tW, List.of(Worker.busy(tW), Worker.busy(tW)));

        SpeedupDecomposition d = decomposition(s, 2);
        assertEquals((2 * tW - T1) / tW, d.slowerWork(), POINTS * 2, d.toString());
        assertTrue(d.superlinearGain() > 0.2, d.toString());
        assertAddsUp(d);
        ScalingPoint point = s.points().get(1);
        assertEquals(ScalingPoint.BeyondLimit.SUPERLINEAR, point.beyondLimit());
        assertEquals(2, s.recommendedWorkers(), "a superlinear speedup is a result");
    }

    @Test
    void aSpeedupAboveWInEveryForkWithoutAccountingIsUnexplained() {
        ConfigurationResult one = Documents.inForks("native", 1, 100, 101, 99);
        ConfigurationResult two = Documents.inForks("native", 2, 215, 214, 213);
        SeriesAnalysis s = Analyzer.analyze(Documents.of(one, two)).series().getFirst();
        assertEquals(ScalingPoint.BeyondLimit.UNEXPLAINED, s.points().get(1).beyondLimit());
        assertNull(s.points().get(1).decomposition(), "no accounting, no decomposition");
    }

    @Test
    void aSpeedupAboveWInOneForkOnlyIsAnAnomaly() {
        // 2.3, 1.88 and 1.94 in the three forks: 2.03 over them.
        ConfigurationResult one = Documents.inForks("native", 1, 100, 101, 99);
        ConfigurationResult outlier = Documents.inForks("native", 2, 230, 190, 192);
        ScalingPoint anomaly = Analyzer.analyze(Documents.of(one, outlier)).series().getFirst().points().get(1);
        assertEquals(ScalingPoint.BeyondLimit.ANOMALY, anomaly.beyondLimit(), anomaly.toString());
    }

    @Test
    void forkJoinsIdleWorkersAreTheirWallTimeLessCpuAndRunQueueWait() {
        // forkjoin keeps each worker's CPU time only; with the run-queue wait, the rest of its wall time is parked (idle).
        double f = 0.2;
        int w = 2;
        double tW = f * T1 + (1 - f) * T1 / w;
        List<Worker> workers = List.of(Worker.busy(tW), Worker.busy((1 - f) * T1 / w));
        SeriesAnalysis s = series("jvm", "forkjoin", w, tW, workers, true);

        SpeedupDecomposition d = decomposition(s, w);
        assertEquals((w - 1) * f * T1 / tW, d.idleWorkers(), POINTS * w, d.toString());
        assertNull(d.runtime());
        assertNull(d.slowerWork());
        assertSmall(d.machine(), d.workAndRuntime(), d.notAttributed());
        assertAddsUp(d);
    }

    @Test
    void forkJoinsRunQueueWaitIsTheMachinesNotIdleWorkers() {
        // Each worker runs its half on the CPU for T1 / 2 and waits 250 ns per step for it (busy is CPU time, the wait outside it).
        double wait = 250;
        double tW = T1 / 2 + wait;
        Worker worker = new Worker(T1 / 2, 0, 0, 0, wait);
        SeriesAnalysis s = series("jvm", "forkjoin", 2, tW, List.of(worker, worker), true);

        SpeedupDecomposition d = decomposition(s, 2);
        assertEquals(2 * wait / tW, d.machine(), POINTS * 2, d.toString());
        assertSmall(d.idleWorkers(), d.notAttributed());
        assertAddsUp(d);
    }

    @Test
    void aRunQueueWaitWhileSearchingIsTakenFromSearchingNotFromBusy() {
        // A helper that searched most of the step waited in the run queue mostly while searching (q1: native imbalanced W = 2):
        // its wait is split over busy and searching in proportion, so slower work stays about 0.
        double tW = T1 / 2 + 400;
        Worker helper = new Worker(T1 / 2 - 400, 800, 0, 0, 600);
        SeriesAnalysis s = series(2, tW, List.of(Worker.busy(tW), helper));

        SpeedupDecomposition d = decomposition(s, 2);
        double searchingWait = 600.0 * 800 / (800 + T1 / 2 - 400); // its share of the runnable time
        assertEquals(600 / tW, d.machine(), POINTS * 2, d.toString());
        assertEquals((800 - searchingWait) / tW, d.runtime(), 1e-3, d.toString());
        assertTrue(d.slowerWork() > -POINTS * 2, d.toString());
        assertAddsUp(d);
    }

    @Test
    void anAdaptersBusyTimeOnlyLeavesIdleAndSearchingNotAttributed() {
        double f = 0.2;
        int w = 2;
        double tW = f * T1 + (1 - f) * T1 / w;
        List<Worker> workers = List.of(Worker.busy(tW), Worker.busy((1 - f) * T1 / w));
        SeriesAnalysis s = series("byo", "adapter", w, tW, workers, true);

        SpeedupDecomposition d = decomposition(s, w);
        assertNull(d.idleWorkers());
        assertNull(d.runtime());
        assertEquals((w - 1) * f * T1 / tW, d.notAttributed(), POINTS * w, d.toString());
        assertAddsUp(d);
    }

    @Test
    void forksMeasuredApartAreSummedPerWorkerCount() {
        double tW = 2 * T1 / 3;
        List<Worker> workers = List.of(Worker.busy(tW), new Worker(T1 / 3, 0, tW - T1 / 3, 0, 0));
        List<ConfigurationResult> results = new ArrayList<>();
        results.add(result("native", 1, List.of(0, 1), T1, List.of(Worker.busy(T1)), "pb_pool", false));
        results.add(result("native", 2, List.of(2, 3), tW, workers, "pb_pool", false));
        SpeedupDecomposition d = decomposition(Analyzer.analyze(Documents.of(results)).series().getFirst(), 2);
        assertEquals(false, d.paired());
        assertEquals(2, d.forks());
        assertEquals(0.5, d.idleWorkers(), POINTS * 2, d.toString());
        assertAddsUp(d);
    }

    @Test
    void forksNotRecordedAreNeverPaired() {
        // Version 1 documents name no forks: every list of samples is a fork of its own, whatever its place.
        double tW = 2 * T1 / 3;
        List<Worker> workers = List.of(Worker.busy(tW), new Worker(T1 / 3, 0, tW - T1 / 3, 0, 0));
        SpeedupDecomposition d = decomposition(Analyzer.analyze(Documents.of(
                withoutSources(result("native", 1, List.of(0, 1), T1, List.of(Worker.busy(T1)), "pb_pool", false)),
                withoutSources(result("native", 2, List.of(0, 1), tW, workers, "pb_pool", false)))).series().getFirst(), 2);
        assertEquals(false, d.paired());
        assertEquals(0.5, d.idleWorkers(), POINTS * 2, d.toString());
    }

    @Test
    void accountingFarFromTheSamplesDoesNotAddUp() {
        // The samples say 1.0 at W = 2 where the accounting says 2: the residual tells.
        ConfigurationResult one = result("native", 1, List.of(0, 1, 2), T1, List.of(Worker.busy(T1)), "pb_pool", false);
        ConfigurationResult two = result("native", 2, List.of(0, 1, 2), T1 / 2, List.of(Worker.busy(T1 / 2), Worker.busy(T1 / 2)), "pb_pool", false);
        ConfigurationResult slowSamples = new ConfigurationResult(two.configuration(), two.status(), null, one.samples(), two.sources(),
                two.checksum(), two.expectedChecksum(), null, null, Instant.EPOCH, List.of(), null, two.accounting());
        SeriesAnalysis s = Analyzer.analyze(Documents.of(one, slowSamples)).series().getFirst();
        SpeedupDecomposition d = s.decompositionAt(2).orElseThrow();
        assertEquals(2, d.accountedSpeedup(), 1e-6);
        assertEquals(-1, d.residual(), 0.01);
        assertTrue(!d.addsUp(), d.toString());
        assertTrue(decomposition(series(2, T1 / 2, List.of(Worker.busy(T1 / 2), Worker.busy(T1 / 2))), 2).addsUp());
    }

    private static ConfigurationResult withoutSources(ConfigurationResult r) {
        return new ConfigurationResult(r.configuration(), r.status(), r.reason(), r.samples(), List.of(), r.checksum(), r.expectedChecksum(),
                r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes(), r.adapter(), r.accounting());
    }

    private static SpeedupDecomposition decomposition(SeriesAnalysis s, int workers) {
        SpeedupDecomposition d = s.points().stream().filter(p -> p.workers() == workers).findFirst().orElseThrow().decomposition();
        assertNotNull(d, s.toString());
        return d;
    }

    /** W − Σ parts is the speedup the accounting implies, and within 5 points of the one the samples measured. */
    private static void assertAddsUp(SpeedupDecomposition d) {
        double sum = d.shares().stream().mapToDouble(SpeedupDecomposition.Share::value).sum();
        assertEquals(d.accountedSpeedup(), d.workers() - sum, 1e-9, d.toString());
        assertNotNull(d.residual());
        assertTrue(d.addsUp(), d.toString());
    }

    private static void assertSmall(Double... parts) {
        for (Double part : parts) {
            assertTrue(part == null || Math.abs(part) < POINTS, "expected about 0, got " + part);
        }
    }

    /** A native series of W = 1 (worker 0 busy all of T1) and W, both in each of three forks. */
    private static SeriesAnalysis series(int workers, double tW, List<Worker> atW) {
        return series("native", "pb_pool", workers, tW, atW, false);
    }

    private static SeriesAnalysis series(String engine, String source, int workers, double tW, List<Worker> atW, boolean busyOnly) {
        List<Integer> forks = List.of(0, 1, 2);
        return Analyzer.analyze(Documents.of(
                result(engine, 1, forks, T1, List.of(Worker.busy(T1)), source, busyOnly),
                result(engine, workers, forks, tW, atW, source, busyOnly))).series().getFirst();
    }

    /**
     * A configuration measured in these forks, each taking stepNs per step (the samples a little
     * apart from fork to fork, as fresh processes are), with the workers' accounting.
     */
    private static ConfigurationResult result(String engine, int workers, List<Integer> forks, double stepNs, List<Worker> pool,
            String source, boolean busyOnly) {
        List<List<Double>> samples = new ArrayList<>();
        List<SampleSource> sources = new ArrayList<>();
        List<PointAccounting> accounting = new ArrayList<>();
        for (int fork : forks) {
            double level = 1 + 0.01 * (fork % 3 - 1);
            double step = stepNs * level;
            samples.add(List.of(1e9 / step, 1e9 / step));
            sources.add(new SampleSource(fork, List.of(0, 1)));
            List<PoolAccounting.WorkerTimes> times = pool.stream()
                    .map(wk -> busyOnly
                            ? new PoolAccounting.WorkerTimes(ns(wk.busy() * level), null, null, null, null, null, null, null, null)
                            : new PoolAccounting.WorkerTimes(ns(wk.busy() * level), ns(wk.searching() * level), ns(wk.asleep() * level),
                                    0L, 0L, 0L, 0L, 0L, ns(wk.wakeLatency() * level)))
                    .toList();
            List<MachineAccounting.ThreadTimes> threads = IntStream.range(0, pool.size())
                    .mapToObj(i -> new MachineAccounting.ThreadTimes("pb-worker-" + i, ns(Math.max(0, pool.get(i).busy() - pool.get(i).runQueue()) * level),
                            ns(pool.get(i).runQueue() * level)))
                    .toList();
            accounting.add(new PointAccounting(2, ns(step), STEPS, new PoolAccounting(source, times, STEPS),
                    new MachineAccounting(threads, null)));
        }
        return new ConfigurationResult(Documents.config(engine, workers), Status.OK, null, samples, sources, "0000000000000000",
                "0000000000000000", null, null, Instant.EPOCH, List.of(), null, accounting);
    }

    private static long ns(double perStep) {
        return Math.round(perStep * STEPS);
    }
}
