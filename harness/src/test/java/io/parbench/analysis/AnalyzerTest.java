package io.parbench.analysis;

import static io.parbench.analysis.Documents.failed;
import static io.parbench.analysis.Documents.fallback;
import static io.parbench.analysis.Documents.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Environment;
import io.parbench.results.ResultsJson;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    private static SeriesAnalysis onlySeries(Analysis analysis) {
        assertEquals(1, analysis.series().size(), analysis.series().toString());
        return analysis.series().getFirst();
    }

    private static ScalingPoint at(SeriesAnalysis series, int workers) {
        return series.points().stream().filter(p -> p.workers() == workers).findFirst().orElseThrow();
    }

    private static boolean hasNote(SeriesAnalysis series, SeriesNote.Kind kind) {
        return series.notes().stream().anyMatch(n -> n.kind() == kind);
    }

    @Test
    void speedupEfficiencyAndKarpFlattMatchHandComputation() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                ok("native", 1, 99, 101),
                ok("native", 2, 190, 210),
                ok("native", 4, 290, 310, 300))));
        ScalingPoint one = at(s, 1);
        assertEquals(1.0, one.speedup());
        assertEquals(1.0, one.speedupLow());
        assertEquals(1.0, one.speedupHigh());
        assertEquals(1.0, one.efficiency());
        assertNull(one.karpFlatt());

        // One fork each: a speedup is the ratio of the forks' medians, without an interval.
        ScalingPoint two = at(s, 2);
        assertEquals(2.0, two.speedup(), 1e-12);
        assertEquals(1.0, two.efficiency(), 1e-12);
        assertEquals(0.0, two.karpFlatt(), 1e-12);
        assertNull(two.speedupLow());

        ScalingPoint four = at(s, 4);
        assertEquals(3.0, four.speedup(), 1e-12);
        assertEquals(0.75, four.efficiency(), 1e-12);
        assertEquals(1.0 / 9, four.karpFlatt(), 1e-12);
        assertEquals(300, four.throughput().mean(), 1e-12);
        assertNull(four.speedupHigh());
        assertTrue(s.notes().contains(SeriesNote.of(SeriesNote.Kind.ONE_FORK)), s.notes().toString());
    }

    /**
     * Worker counts measured in the same forks (a curve per page): S(W) is the geometric mean of
     * the forks' own ratios, its interval Student's t over them; a fork that did not reach W = 4
     * is left out of S(4). The forks' levels differ by 20%, their ratios by 5%.
     */
    @Test
    void speedupsArePairedWithinForksAndTheirIntervalIsOverForks() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                Documents.inForks("chromium", 1, 100, 120, 90),
                Documents.inForks("chromium", 2, 190, 252, 171),
                Documents.inForks("chromium", 4, 300, 390))));
        ScalingPoint two = at(s, 2);
        double[] logRatios = {Math.log(1.9), Math.log(2.1), Math.log(1.9)};
        double mean = Arrays.stream(logRatios).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(logRatios).map(x -> (x - mean) * (x - mean)).sum() / 2);
        double half = new TDistribution(2).inverseCumulativeProbability(0.975) * sd / Math.sqrt(3);
        assertEquals(Math.exp(mean), two.speedup(), 1e-12);
        assertEquals(Math.exp(mean - half), two.speedupLow(), 1e-9);
        assertEquals(Math.exp(mean + half), two.speedupHigh(), 1e-9);
        assertEquals(Math.sqrt(3.0 * 3.25), at(s, 4).speedup(), 1e-12);
        assertFalse(s.notes().contains(SeriesNote.of(SeriesNote.Kind.ONE_FORK)), s.notes().toString());
    }

    @Test
    void fullPipelineRecoversAUslCurveWithLambdaAnchoredAtOneWorker() {
        RandomGenerator random = new Well19937c(99L);
        List<ConfigurationResult> results = new ArrayList<>();
        for (int w : new int[] {1, 2, 4, 8, 16, 32, 64}) {
            double mean = 1000.0 * w / (1 + 0.04 * (w - 1) + 0.0004 * w * (w - 1));
            results.add(ok("native", w, Documents.noisy(random, 15, mean, 0.02)));
        }
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(results)));
        assertEquals(1000, s.usl().lambda(), 15);
        assertEquals(0.04, s.usl().contention(), 0.01, s.usl().toString());
        assertEquals(0.0004, s.usl().coherency(), 0.0001, s.usl().toString());
        assertEquals(Math.sqrt(0.96 / 0.0004), s.usl().peakWorkers(), 8);
        assertNotNull(s.amdahl());
        // Measured means: W=32 ~ 14.6k, W=64 ~ 14.8k (best); the fewest within 5% is 32.
        assertEquals(32, s.recommendedWorkers());
        assertEquals(List.of(SeriesNote.of(SeriesNote.Kind.ONE_FORK)), s.notes());
    }

    @Test
    void recommendsTheFewestWorkersWithin5PercentOfTheBest() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                ok("jvm", 1, 100), ok("jvm", 2, 190), ok("jvm", 4, 295), ok("jvm", 8, 310), ok("jvm", 16, 305))));
        assertEquals(4, s.recommendedWorkers()); // 295 >= 0.95 * 310 = 294.5
    }

    @Test
    void aSpeedupBeyondTheCoresIsAnAnomalyNeverTheBestOrRecommended() {
        // sort:jdk on a 2-core machine read 2.66x on 4 workers, in one fork.
        RunDocument doc = Documents.of(ok("jvm", 1, 100, 101), ok("jvm", 2, 180, 182), ok("jvm", 4, 265, 267));
        RunDocument twoCores = new RunDocument(doc.format(), doc.version(), doc.run(),
                new Environment("host", "Linux", "amd64", "cpu", 2, 1L << 30, "25", Map.of()), doc.forks(), doc.configurations());

        SeriesAnalysis s = onlySeries(Analyzer.analyze(twoCores));

        ScalingPoint w2 = s.points().get(1);
        ScalingPoint w4 = s.points().get(2);
        assertNull(w2.beyondLimit(), "1.8x on 2 workers and 2 cores is possible");
        assertEquals(ScalingPoint.BeyondLimit.ANOMALY, w4.beyondLimit(), "2.6x on 4 workers and 2 cores is not");
        assertEquals(2, s.recommendedWorkers(), "the anomaly is not recommended though its throughput is highest");
        // On a machine with enough cores the same curve is plausible.
        assertNull(onlySeries(Analyzer.analyze(doc)).points().get(2).beyondLimit());
    }

    @Test
    void aSpeedupBeyondTheWorkerCountIsAnAnomaly() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(ok("native", 1, 100), ok("native", 2, 202))));
        assertEquals(ScalingPoint.BeyondLimit.ANOMALY, s.points().get(1).beyondLimit(), "2.02x on 2 workers, one fork");
    }

    @Test
    void missingSingleWorkerPointLeavesSpeedupAndFitsNullWithNotes() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                ok("native", 2, 200, 202), ok("native", 4, 390, 400), ok("native", 8, 700, 720))));
        assertTrue(s.notes().contains(SeriesNote.of(SeriesNote.Kind.NO_SINGLE_WORKER)), s.notes().toString());
        assertTrue(hasNote(s, SeriesNote.Kind.NO_FIT_WITHOUT_SINGLE_WORKER), s.notes().toString());
        for (ScalingPoint p : s.points()) {
            assertNull(p.speedup());
            assertNull(p.speedupLow());
            assertNull(p.efficiency());
            assertNull(p.karpFlatt());
            assertNotNull(p.throughput());
        }
        assertNull(s.amdahl());
        assertNull(s.usl());
        assertEquals(8, s.recommendedWorkers());
    }

    @Test
    void failedSingleWorkerPointIsExplained() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                failed("native", 1, "timeout after 60 s"), ok("native", 2, 200, 202))));
        assertTrue(s.notes().contains(new SeriesNote(SeriesNote.Kind.FAILED, 1, 0, "timeout after 60 s")), s.notes().toString());
        assertTrue(s.notes().contains(SeriesNote.of(SeriesNote.Kind.NO_SINGLE_WORKER)));
    }

    @Test
    void singleWorkerCountHasNoFitsButARecommendation() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(ok("native", 1, 10, 11, 12))));
        assertEquals(1, s.points().size());
        assertNull(s.amdahl());
        assertNull(s.usl());
        assertTrue(s.notes().contains(SeriesNote.of(SeriesNote.Kind.AMDAHL_NO_PARALLEL_SAMPLES)), s.notes().toString());
        assertTrue(s.notes().contains(new SeriesNote(SeriesNote.Kind.USL_TOO_FEW_WORKER_COUNTS, 0, 0, null)), s.notes().toString());
        assertEquals(1, s.recommendedWorkers());
    }

    @Test
    void twoWorkerCountsFitAmdahlButNotUsl() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                ok("native", 1, 100, 101, 99), ok("native", 4, 250, 251, 249))));
        // S(4) = 2.5 exactly => p = (1 - 1/S) / (1 - 1/W) = 0.8
        assertEquals(0.8, s.amdahl().parallelFraction(), 1e-6);
        assertEquals(5, s.amdahl().maxSpeedup(), 1e-4);
        assertNull(s.usl());
        assertTrue(s.notes().contains(new SeriesNote(SeriesNote.Kind.USL_TOO_FEW_WORKER_COUNTS, 0, 1, null)));
    }

    @Test
    void singleSamplesGiveCiOfTheMeanAndANote() {
        Analysis a = Analyzer.analyze(Documents.of(ok("native", 1, 100), ok("native", 2, 180)));
        SampleStats one = a.configurations().getFirst().throughput();
        assertEquals(100, one.ciLow());
        assertEquals(100, one.ciHigh());
        assertEquals(0, one.cv());
        SeriesAnalysis s = onlySeries(a);
        assertTrue(s.notes().contains(SeriesNote.at(SeriesNote.Kind.SINGLE_SAMPLE, 1)), s.notes().toString());
        assertEquals(1.8, at(s, 2).speedup(), 1e-12);
        assertNull(at(s, 2).speedupLow()); // one fork: no interval
        assertNull(s.amdahl()); // one observation beyond W=1: no standard error
    }

    @Test
    void zeroThroughputSamplesGiveFiniteResultsAndNullsWhereUndefined() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                ok("native", 1, 100, 100, 100),
                ok("native", 2, 0, 200, 200),
                ok("native", 4, 0, 0, 0),
                ok("native", 8, 300, 310, 305))));
        assertEquals(2.0, at(s, 2).speedup(), 1e-12); // a fork's value is its median: one stalled iteration does not move it
        ScalingPoint dead = at(s, 4);
        assertEquals(0, dead.speedup());
        assertEquals(0, dead.efficiency());
        assertNull(dead.karpFlatt());
        assertTrue(s.notes().contains(SeriesNote.at(SeriesNote.Kind.ZERO_THROUGHPUT, 4)), s.notes().toString());
        assertNotNull(s.amdahl());
        assertNotNull(s.usl());
    }

    @Test
    void zeroSingleWorkerThroughputLeavesSpeedupUndefined() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(ok("native", 1, 0, 0), ok("native", 2, 5, 6))));
        assertTrue(hasNote(s, SeriesNote.Kind.SINGLE_WORKER_ZERO), s.notes().toString());
        assertNull(at(s, 2).speedup());
        assertNull(s.amdahl());
    }

    @Test
    void fallbackPointsAreListedButNeverTreatedAsParallel() {
        List<ConfigurationResult> regular = List.of(
                ok("chromium", 1, 100, 102, 98),
                ok("chromium", 2, 190, 192, 188),
                ok("chromium", 4, 360, 362, 358),
                ok("native", 8, 800, 810, 790));
        List<ConfigurationResult> withFallback = new ArrayList<>(regular);
        withFallback.add(fallback("chromium", 8, 400, 401, 399));
        Analysis a = Analyzer.analyze(Documents.of(withFallback));
        assertEquals(5, a.configurations().size());
        SeriesAnalysis s = a.series().stream().filter(x -> x.key().engine().equals("chromium")).findFirst().orElseThrow();
        ScalingPoint fb = at(s, 8);
        assertEquals(400, fb.throughput().mean(), 1e-12);
        assertNull(fb.speedup());
        assertNull(fb.efficiency());
        assertNull(fb.karpFlatt());
        assertTrue(s.notes().contains(SeriesNote.at(SeriesNote.Kind.FALLBACK_POINT, 8)), s.notes().toString());
        assertEquals(4, s.recommendedWorkers()); // the fallback's higher 400 does not count
        SeriesAnalysis withoutFallback = Analyzer.analyze(Documents.of(regular)).series().getFirst();
        assertNotNull(s.usl());
        assertEquals(withoutFallback.usl(), s.usl()); // fitted from W = 2 and 4 only
        assertEquals(withoutFallback.amdahl(), s.amdahl());
        assertEquals(List.of(), a.ratios()); // chromium W=8 was a fallback: no ratio against native
    }

    @Test
    void allFallbackSeriesSaysSoOnce() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                fallback("chromium", 1, 100, 101), fallback("chromium", 4, 99, 100))));
        assertTrue(hasNote(s, SeriesNote.Kind.ALL_FALLBACK), s.notes().toString());
        assertFalse(s.notes().contains(SeriesNote.of(SeriesNote.Kind.NO_SINGLE_WORKER)));
        assertNull(s.recommendedWorkers());
        assertNull(s.amdahl());
        assertEquals(2, s.points().size());
    }

    @Test
    void regularPointWinsOverAFallbackAtTheSameWorkerCountAndDuplicatesArePooled() {
        SeriesAnalysis s = onlySeries(Analyzer.analyze(Documents.of(
                ok("native", 1, 100, 100),
                fallback("native", 2, 100),
                ok("native", 2, 180, 190),
                ok("native", 2, 200, 210))));
        ScalingPoint two = at(s, 2);
        assertEquals(4, two.throughput().n());
        assertEquals(Math.sqrt(185.0 * 205) / 100, two.speedup(), 1e-12); // the geometric mean of the two forks' medians
        assertTrue(s.notes().contains(new SeriesNote(SeriesNote.Kind.POOLED, 2, 2, null)));
        assertTrue(s.notes().contains(SeriesNote.at(SeriesNote.Kind.FALLBACK_BESIDE_REGULAR, 2)));
    }

    @Test
    void failedAndEmptyConfigurationsAreSkipped() {
        ConfigurationResult empty = Documents.result("native", 4, Status.OK);
        Analysis a = Analyzer.analyze(Documents.of(
                ok("native", 1, 100), failed("native", 2, "checksum mismatch"), empty, failed("jvm", 1, "crash")));
        assertEquals(1, a.configurations().size());
        SeriesAnalysis s = onlySeries(a); // the all-failed jvm series has nothing to analyse
        assertEquals(1, s.points().size());
        assertTrue(s.notes().contains(new SeriesNote(SeriesNote.Kind.FAILED, 2, 0, "checksum mismatch")));
        assertTrue(s.notes().contains(SeriesNote.at(SeriesNote.Kind.NO_SAMPLES, 4)));
    }

    @Test
    void engineRatiosUseNativeAsBaselineThenJvm() {
        Analysis a = Analyzer.analyze(Documents.of(
                ok("native", 1, 100, 101, 99),
                ok("jvm", 1, 80, 81, 79),
                ok("chromium", 1, 50, 51, 49),
                ok("jvm", 2, 160, 161, 159),
                ok("chromium", 2, 40, 41, 39)));
        List<EngineRatio> ratios = a.ratios();
        assertEquals(3, ratios.size(), ratios.toString());
        EngineRatio chromiumOverNative = ratios.get(0);
        assertEquals("chromium", chromiumOverNative.engine());
        assertEquals("native", chromiumOverNative.baseline());
        assertEquals(1, chromiumOverNative.workers());
        assertEquals(0.5, chromiumOverNative.ratio(), 1e-12);
        assertTrue(chromiumOverNative.ratioLow() < 0.5 && 0.5 < chromiumOverNative.ratioHigh());
        assertEquals("jvm", ratios.get(1).engine());
        assertEquals(0.8, ratios.get(1).ratio(), 1e-12);
        EngineRatio atTwo = ratios.get(2); // no native at W = 2: against jvm
        assertEquals("chromium", atTwo.engine());
        assertEquals("jvm", atTwo.baseline());
        assertEquals(0.25, atTwo.ratio(), 1e-12);
    }

    @Test
    void engineRatiosNeedTheSameKernelVariantAndSize() {
        ConfigurationResult otherKernel = new ConfigurationResult(new Configuration("byo", "my-kernel", null, Documents.SIZE, 1),
                Status.OK, null, List.of(List.of(5.0, 6.0)), null, null, null, null, Instant.EPOCH, List.of());
        ConfigurationResult otherVariant = new ConfigurationResult(new Configuration("jvm", "sum", "jdk", Documents.SIZE, 1),
                Status.OK, null, List.of(List.of(5.0, 6.0)), null, null, null, null, Instant.EPOCH, List.of());
        Analysis a = Analyzer.analyze(Documents.of(ok("native", 1, 10, 11), otherKernel, otherVariant));
        assertEquals(List.of(), a.ratios());
        assertEquals(3, a.series().size());
    }

    @Test
    void zeroBaselineGivesNoRatio() {
        Analysis a = Analyzer.analyze(Documents.of(ok("native", 1, 0, 0), ok("chromium", 1, 5, 6)));
        assertEquals(List.of(), a.ratios());
    }

    @Test
    void emptyDocumentGivesAnEmptyAnalysis() {
        Analysis a = Analyzer.analyze(Documents.of(List.of()));
        assertEquals(new Analysis(List.of(), List.of(), List.of()), a);
    }

    @Test
    void analysisIsReproducibleAndIndependentOfDocumentOrder() {
        List<ConfigurationResult> results = new ArrayList<>(largeDocument(7L).configurations());
        Analysis first = Analyzer.analyze(Documents.of(results));
        Collections.shuffle(results, new Random(1));
        Analysis shuffled = Analyzer.analyze(Documents.of(results));
        assertEquals(first.series(), shuffled.series());
        assertEquals(first.ratios(), shuffled.ratios());
        assertEquals(first, Analyzer.analyze(Documents.of(largeDocument(7L).configurations())));
    }

    @Test
    void analysisOfDegenerateInputsSerialisesWithoutNaNOrInfinityAndRoundTrips() throws Exception {
        RunDocument doc = Documents.of(
                ok("native", 1, 100),
                ok("native", 2, 0, 0),
                ok("native", 4, 400, 400),
                ok("native", 8, 900, 950, 1000), // superlinear: Amdahl p = 1, no maxSpeedup
                fallback("chromium", 1, 30),
                ok("chromium", 2, 0, 0, 0),
                ok("jvm", 2, 7),
                failed("jvm", 4, "crash"));
        Analysis analysis = Analyzer.analyze(doc);
        String json = ResultsJson.mapper().writeValueAsString(analysis);
        assertFalse(json.contains("NaN"), json);
        assertFalse(json.contains("Infinity"), json);
        Analysis back = ResultsJson.mapper().readValue(json, Analysis.class);
        assertEquals(analysis, back);
    }

    /** 4 engines x 6 kernels x 8 worker counts = 192 configurations of 3 forks x 5 samples, on USL curves. */
    static RunDocument largeDocument(long seed) {
        RandomGenerator random = new Well19937c(seed);
        List<ConfigurationResult> results = new ArrayList<>();
        String[] engines = {"native", "jvm", "chromium", "byo"};
        String[] kernels = {"sum", "histogram", "axpy", "nbody", "mandelbrot", "sort"};
        int[] workers = {1, 2, 3, 4, 6, 8, 12, 16};
        for (String engine : engines) {
            for (String kernel : kernels) {
                for (long size : new long[] {1 << 16}) {
                    for (int w : workers) {
                        double mean = 1000.0 * w / (1 + 0.05 * (w - 1) + 0.002 * w * (w - 1));
                        List<List<Double>> forks = new ArrayList<>();
                        for (int f = 0; f < 3; f++) {
                            forks.add(Arrays.stream(Documents.noisy(random, 5, mean, 0.03)).boxed().toList());
                        }
                        results.add(new ConfigurationResult(new Configuration(engine, kernel, null, size, w), Status.OK,
                                null, forks, null, null, null, null, Instant.EPOCH, List.of()));
                    }
                }
            }
        }
        return Documents.of(results);
    }
}
