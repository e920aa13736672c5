package io.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.ConfigurationResult;
import io.parbench.results.MachineAccounting;
import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import io.parbench.results.Status;
import io.parbench.verdict.Check;
import io.parbench.verdict.Comparison;
import io.parbench.verdict.GateInputException;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.GateSettings;
import io.parbench.verdict.Metric;
import io.parbench.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The gate end to end on documents built in code. */
class GateTest {

    private static final long NBODY = 2048;
    private static final long SUM = 1 << 20;

    /** Two kernels on two engines at 1, 2 and 4 workers; nbody on chromium scaled by nbodyFactor. */
    private static RunDocuments suite(long seed, double nbodyChromium) {
        return RunDocuments.run(NoiseModel.IID_3, seed)
                .series("native", "sum", SUM, RunDocuments.SCALING, 1)
                .series("native", "nbody", NBODY, RunDocuments.SCALING, 1)
                .series("chromium", "sum", SUM, RunDocuments.SCALING, 0.5)
                .series("chromium", "nbody", NBODY, RunDocuments.SCALING, 0.6 * nbodyChromium);
    }

    private static GateReport gate(RunDocuments baseline, RunDocuments current) {
        return gate(GateSettings.defaults(), baseline, current);
    }

    private static GateReport gate(GateSettings settings, RunDocuments baseline, RunDocuments current) {
        return new Gate(settings).run(baseline == null ? null : baseline.labelled("base.json"), current.labelled("cur.json"));
    }

    private static List<Check> checks(GateReport report, Predicate<Check> filter) {
        return report.checks().stream().filter(filter).toList();
    }

    @Test
    void theSameDataPasses() {
        RunDocuments run = suite(1, 1);
        GateReport report = new Gate(GateSettings.defaults()).run(run.labelled("base.json"), run.labelled("cur.json"));
        assertTrue(report.passed(), report.summary());
        // 4 series × 3 worker counts of throughput, 4 series × 2 worker counts of speedup, all
        // without change (a few may be too noisy to rule the threshold out: undecided, which passes).
        assertEquals(20, report.checks().size());
        for (Check c : report.checks()) {
            Comparison comparison = (Comparison) c;
            assertEquals(0, comparison.decision().change(), 1e-12);
            assertTrue(c.verdict() == Verdict.NO_REGRESSION || c.verdict() == Verdict.UNDECIDED, c.reason());
        }
    }

    @Test
    void anotherRunOfTheSameCodePasses() {
        GateReport report = gate(suite(1, 1), suite(2, 1));
        assertTrue(report.passed(), new TerminalFormatter().format(report));
    }

    @Test
    void aTwentyPercentSlowdownOfOneKernelIsCaughtAndNamed() {
        GateReport report = gate(suite(1, 1), suite(2, 0.8));
        assertFalse(report.passed());
        List<Check> regressions = checks(report, c -> c.verdict() == Verdict.REGRESSION);
        assertEquals(3, regressions.size(), new TerminalFormatter().format(report));
        for (Check c : regressions) {
            assertEquals("nbody", c.configuration().kernel());
            assertEquals("chromium", c.configuration().engine());
            Comparison comparison = (Comparison) c;
            assertEquals(Metric.THROUGHPUT, comparison.metric());
            assertEquals(-0.20, comparison.decision().change(), 0.03);
        }
        // A uniform slowdown does not change how the kernel scales.
        assertTrue(checks(report, c -> c instanceof Comparison k && k.metric() == Metric.SPEEDUP)
                .stream().noneMatch(c -> c.verdict().fails()));

        String markdown = new MarkdownFormatter().format(report);
        String row = markdown.lines()
                .filter(l -> l.contains("regression") && l.contains("| nbody |") && l.contains("| chromium |") && l.contains("| 4 |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no regression row for nbody on chromium at 4 workers:\n" + markdown));
        java.util.regex.Matcher change = java.util.regex.Pattern.compile("\\| \\*\\*(-\\d+\\.\\d)%\\*\\* \\|").matcher(row);
        assertTrue(change.find(), row);
        assertEquals(-20, Double.parseDouble(change.group(1)), 3, row);
        assertTrue(markdown.startsWith("## parbench gate: ❌ failed"), markdown);
    }

    @Test
    void aChangeSeenWithOneForkIsUndecidedNotARegression() {
        RunDocuments baseline = RunDocuments.run(NoiseModel.IID_3, 1, 1, 10).series("native", "nbody", NBODY, RunDocuments.SCALING, 1);
        RunDocuments current = RunDocuments.run(NoiseModel.IID_3, 2, 1, 10).series("native", "nbody", NBODY, RunDocuments.SCALING, 0.8);

        GateReport report = gate(baseline, current);

        assertTrue(report.passed(), new TerminalFormatter().format(report));
        List<Check> throughput = checks(report, c -> c instanceof Comparison k && k.metric() == Metric.THROUGHPUT);
        assertEquals(3, throughput.size());
        for (Check c : throughput) {
            Comparison comparison = (Comparison) c;
            assertEquals(Verdict.UNDECIDED, c.verdict(), comparison.decision().reason());
            assertEquals(-0.20, comparison.decision().change(), 0.03);
            assertTrue(comparison.decision().reason().contains("at least 3 per side are needed"), comparison.decision().reason());
        }
    }

    @Test
    void worseScalingIsASpeedupRegression() {
        RunDocuments current = RunDocuments.run(NoiseModel.IID_3, 2)
                .measured("native", "nbody", NBODY, 1, 100)
                .measured("native", "nbody", NBODY, 2, 190)
                .measured("native", "nbody", NBODY, 4, 350 * 0.8);
        RunDocuments baseline = RunDocuments.run(NoiseModel.IID_3, 1).series("native", "nbody", NBODY, RunDocuments.SCALING, 1);
        GateReport report = gate(baseline, current);
        List<Check> regressions = checks(report, c -> c.verdict() == Verdict.REGRESSION);
        assertEquals(List.of("speedup", "throughput"), regressions.stream().map(Check::subject).sorted().toList());
        assertTrue(regressions.stream().allMatch(c -> c.configuration().workers() == 4));
    }

    @Test
    void aChecksumMismatchInTheCurrentRunFails() {
        RunDocuments current = suite(2, 1).changeLast(r -> withChecksum(r, "00000000deadbeef"));
        GateReport report = gate(suite(1, 1), current);
        assertFalse(report.passed());
        Check failed = checks(report, c -> c.verdict() == Verdict.FAILED).getFirst();
        assertEquals("chromium/nbody/2048@W4", failed.configuration().label());
        assertTrue(failed.reason().startsWith("checksum mismatch: computed 00000000deadbeef, expected "), failed.reason());
        // Listed once, as a failure; not also compared or listed as missing.
        assertEquals(1, checks(report, c -> c.configuration().equals(failed.configuration())).size());
    }

    @Test
    void aFailedConfigurationFailsEvenWithoutABaseline() {
        RunDocuments current = suite(2, 1).failed("chromium", "sort", 1 << 18, 2, "timeout after 120 s");
        GateReport report = gate(null, current);
        assertFalse(report.passed());
        assertEquals(List.of("failed: timeout after 120 s"), checks(report, c -> true).stream().map(Check::reason).toList());
    }

    @Test
    void losingThreadsIsAFailure() {
        RunDocuments current = suite(2, 1).changeLast(r -> withStatus(r, Status.FALLBACK, "not cross-origin isolated"));
        Check failed = checks(gate(suite(1, 1), current), c -> c.verdict() == Verdict.FAILED).getFirst();
        assertTrue(failed.reason().contains("single-threaded (fallback)") && failed.reason().contains("not cross-origin isolated"),
                failed.reason());
    }

    @Test
    void missingConfigurationsAreListedNotSkipped() {
        RunDocuments baseline = suite(1, 1).measured("native", "mandelbrot", 1024, 1, 50);
        RunDocuments current = suite(2, 1).measured("native", "sort", 1 << 21, 1, 20)
                .failed("native", "axpy", 1 << 22, 1, "crash");
        baseline.failed("native", "histogram", 1 << 24, 1, "out of memory");
        current.measured("native", "histogram", 1 << 24, 1, 30);
        GateReport report = gate(baseline, current);
        List<String> missing = checks(report, c -> c.verdict() == Verdict.MISSING).stream()
                .map(c -> c.configuration().kernel() + ": " + c.reason())
                .toList();
        assertEquals(List.of(
                "histogram: nothing to compare with: the baseline failed: out of memory",
                "mandelbrot: in the baseline, not in the current run",
                "sort: new in the current run: no baseline to compare with"), missing);
        assertEquals(1, report.count(Verdict.FAILED));
    }

    @Test
    void documentsWithDifferentSizesOfAKernelAreIncompatible() {
        RunDocuments baseline = RunDocuments.run(NoiseModel.IID_3, 1).series("native", "nbody", 2048, RunDocuments.SCALING, 1);
        RunDocuments current = RunDocuments.run(NoiseModel.IID_3, 2).series("native", "nbody", 512, RunDocuments.SCALING, 1);
        GateInputException e = assertThrows(GateInputException.class, () -> gate(baseline, current));
        assertTrue(e.getMessage().contains("nbody at different sizes: [2048] in base.json, [512] in cur.json"), e.getMessage());
    }

    @Test
    void documentsWithNothingInCommonAreAnError() {
        RunDocuments baseline = RunDocuments.run(NoiseModel.IID_3, 1).series("native", "sum", SUM, RunDocuments.SCALING, 1);
        RunDocuments current = RunDocuments.run(NoiseModel.IID_3, 2).series("chromium", "nbody", NBODY, RunDocuments.SCALING, 1);
        GateInputException e = assertThrows(GateInputException.class, () -> gate(baseline, current));
        assertTrue(e.getMessage().contains("no configuration in common"), e.getMessage());
    }

    @Test
    void speedupFloorsAreCheckedWithoutABaseline() {
        // The scaling curve has speedups of about 1.9 at 2 workers and 3.5 at 4.
        GateSettings settings = GateSettings.parse(0.95, List.of(),
                List.of("1.5", "nbody@chromium:2=2.5", "sum@native:8=6"));
        GateReport report = gate(settings, null, suite(1, 1));
        List<String> below = checks(report, c -> c.verdict() == Verdict.BELOW_FLOOR).stream()
                .map(c -> c.configuration().label() + ": " + c.reason())
                .toList();
        assertEquals(2, below.size(), String.join("\n", below));
        assertTrue(below.get(0).matches("chromium/nbody/2048@W2: speedup 1\\.\\d+× \\(95% interval .*\\) is below the floor of 2\\.50×"), below.get(0));
        assertEquals("native/sum/1048576@W8: not measured at 8 workers; the floor is 6.00×", below.get(1));
        // The global 1.5 applies to the other seven points with two or more workers.
        assertEquals(7, report.count(Verdict.FLOOR_MET));
        assertFalse(report.passed());
    }

    @Test
    void aFloorJudgedOnOneForkSaysItHasNoInterval() {
        RunDocuments oneFork = RunDocuments.run(NoiseModel.IID_3, 3, 1, 5).series("native", "nbody", NBODY, RunDocuments.SCALING, 1);
        GateReport report = gate(GateSettings.parse(0.95, List.of(), List.of("nbody@native:2=2.5")), null, oneFork);
        Check floor = checks(report, c -> c.verdict() == Verdict.BELOW_FLOOR).getFirst();
        assertTrue(floor.reason().matches("speedup 1\\.\\d+× \\(one fork: no interval; measure with --forks 3 or more\\) is below the floor of 2\\.50×"),
                floor.reason());
    }

    /**
     * A floor missed while the workers waited for a CPU (a busy machine): when the machine's part of
     * the decomposition would have made up the difference, the floor is undecided, not failed.
     */
    @Test
    void aFloorMissedOnABusyMachineIsUndecided() {
        RunDocuments busy = RunDocuments.run(NoiseModel.IID_3, 3, 1, 5)
                .measured("native", "nbody", NBODY, 1, 100).changeLast(r -> accounted(r, 100, 0))
                .measured("native", "nbody", NBODY, 2, 190).changeLast(r -> accounted(r, 190, 400_000_000L));
        Check floor = gate(GateSettings.parse(0.95, List.of(), List.of("nbody@native:2=2.5")), null, busy).checks().stream()
                .filter(c -> c.configuration().workers() == 2).findFirst().orElseThrow();
        assertEquals(Verdict.UNDECIDED, floor.verdict(), floor.reason());
        assertTrue(floor.reason().matches("speedup 1\\.\\d+× .* is below the floor of 2\\.50×, but the machine took 0\\.8\\d of it .*"),
                floor.reason());

        // The same run without the machine's statistics (e.g. a remote browser): below the floor.
        RunDocuments unknown = RunDocuments.run(NoiseModel.IID_3, 3, 1, 5)
                .measured("native", "nbody", NBODY, 1, 100).measured("native", "nbody", NBODY, 2, 190);
        GateReport report = gate(GateSettings.parse(0.95, List.of(), List.of("nbody@native:2=2.5")), null, unknown);
        assertEquals(1, report.count(Verdict.BELOW_FLOOR));
    }

    /**
     * {@code r} with one block-sum of accounting: a second of wall time in {@code steps} steps, each
     * worker busy all of it, each worker thread {@code runQueueNs} of it waiting for a CPU.
     */
    private static ConfigurationResult accounted(ConfigurationResult r, long steps, long runQueueNs) {
        int workers = r.configuration().workers();
        long wallNs = 1_000_000_000L;
        List<PoolAccounting.WorkerTimes> times = new ArrayList<>();
        List<MachineAccounting.ThreadTimes> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            times.add(new PoolAccounting.WorkerTimes(wallNs, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L));
            threads.add(new MachineAccounting.ThreadTimes("pb-worker-" + w, wallNs - runQueueNs, runQueueNs));
        }
        PointAccounting accounting = new PointAccounting(5, wallNs, steps, new PoolAccounting("pb_pool", times, steps),
                new MachineAccounting(threads, null));
        return new ConfigurationResult(r.configuration(), r.status(), r.reason(), r.samples(), r.sources(), r.checksum(),
                r.expectedChecksum(), r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes(), r.adapter(),
                List.of(accounting));
    }

    @Test
    void thresholdsCanBeSetPerKernelAndEngine() {
        RunDocuments baseline = suite(1, 1);
        RunDocuments current = suite(2, 0.88);
        assertEquals(3, gate(baseline, current).count(Verdict.REGRESSION));
        GateSettings lenient = GateSettings.parse(0.95, List.of("nbody@chromium=15%"), List.of());
        GateReport report = gate(lenient, baseline, current);
        assertTrue(report.passed(), report.summary());
        Comparison nbody = (Comparison) checks(report, c -> c.configuration().label().equals("chromium/nbody/2048@W4")).getFirst();
        assertEquals(0.15, nbody.threshold());
    }

    @Test
    void aSelectorThatMatchesNothingIsAnError() {
        GateSettings settings = GateSettings.parse(0.95, List.of("nbdy=10%"), List.of());
        GateInputException e = assertThrows(GateInputException.class, () -> gate(settings, suite(1, 1), suite(2, 1)));
        assertEquals("--threshold nbdy matches no configuration in the documents. They have kernels [nbody, sum] on engines [chromium, native].",
                e.getMessage());
    }

    @Test
    void differencesPeopleShouldKnowAboutAreNoted() {
        GateReport report = gate(suite(1, 1), suite(2, 1).cpu("Other CPU").interrupted());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("Measured on different machines")), report.notes().toString());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("The current run did not complete")), report.notes().toString());
    }

    private static ConfigurationResult withChecksum(ConfigurationResult r, String checksum) {
        return new ConfigurationResult(r.configuration(), r.status(), r.reason(), r.samples(), checksum, r.expectedChecksum(),
                r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes());
    }

    private static ConfigurationResult withStatus(ConfigurationResult r, Status status, String reason) {
        return new ConfigurationResult(r.configuration(), status, reason, r.samples(), r.checksum(), r.expectedChecksum(),
                r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes());
    }
}
