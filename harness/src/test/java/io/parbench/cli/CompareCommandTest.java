package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonFiles;
import io.parbench.results.ComparisonRound;
import io.parbench.results.ComparisonSetup;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.FactKeys;
import io.parbench.results.ForkResult;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.RunInfo;
import io.parbench.results.SideSetup;
import io.parbench.results.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** parbench compare's bad input (exit 2 before anything starts) and its decisions recomputed from a document. */
class CompareCommandTest {

    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--engines native --budget 5x                          | --budget '5x' is not a duration",
        "--engines native --budget 0m                          | is no time at all",
        "--engines native                                      | The sides do not differ",
        "--engines native --baseline-assets /no/such/dir       | is not a folder",
        "--engines native --undecided maybe                    | --undecided 'maybe': give pass or fail",
        "--engines native --baseline-jvm-args -Xint            | --baseline-jvm-args changes only the jvm engine",
        "--engines native --max-rounds 2 --baseline-assets .   | --max-rounds 2 is below the first look",
        "--engines native --baseline-adapter x.js              | are for the byo engine",
        "--engines native --baseline-capability browserVersion=125 | --baseline-capability is for a browser on another machine",
        "--engines native --baseline-assets . --capability a=b | --capability and --serve-address are for a browser on another machine",
        "--engines native --baseline-assets . --webdriver-url http://127.0.0.1:9 | With --webdriver-url only the remote chromium is measured",
        "--webdriver-url http://127.0.0.1:9 --baseline-browser-path /bin/true | --baseline-browser-path is a browser on this machine",
        "--webdriver-url http://127.0.0.1:9 --baseline-capability x={bad | --baseline-capability value {bad is not valid JSON",
        "--engines native --baseline-assets . --rerun-contended 150% | --rerun-contended '150%': give a percentage above 0 and below 100",
        "--engines native --baseline-assets . --rerun-contended some | --rerun-contended 'some': give a percentage above 0 and below 100",
    })
    void badInputIsOneSentenceAndExitCode2(String args, String expected) {
        CommandRun run = CommandRun.of(("compare " + args).split(" +"));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void anAssetsFolderWithoutWhatAnEngineNeedsIsRefusedForEveryEngineThatUsesIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("assets"));
        CommandRun run = CommandRun.of("compare", "--engines", "native", "--baseline-assets", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("has no native/linux-x86_64/libparbench.so, which the native engine needs"), run.err());
        CommandRun jvm = CommandRun.of("compare", "--engines", "jvm", "--baseline-assets", empty.toString());
        assertTrue(jvm.err().contains("changes only the native and browser engines"), jvm.err());
        CommandRun chromium = CommandRun.of("compare", "--engines", "chromium", "--baseline-assets", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, chromium.exitCode(), chromium.err());
        assertTrue(chromium.err().contains("has no wasm/parbench.wasm, which the chromium engine needs"), chromium.err());
        // Safari runs only through a WebDriver endpoint; its pages come from the assets folder all the same.
        CommandRun safari = CommandRun.of("compare", "--webdriver-url", "http://127.0.0.1:9", "--browser", "safari",
                "--engines", "safari", "--baseline-assets", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, safari.exitCode(), safari.err());
        assertTrue(safari.err().contains("has no wasm/parbench.wasm, which the safari engine needs"), safari.err());
    }

    /**
     * A real comparison of this build with itself (--baseline-assets of this build): both native
     * libraries in every JVM, both wasm modules in every page, each side measured at every worker
     * count of each fork (a paired page once took a page per worker count: never probed, its engine
     * did not know its modules could change their worker count).
     */
    @ParameterizedTest
    @ValueSource(strings = {"native", "chromium"})
    void builtAssetsAreComparedInOneForkOfTheEngine(String engine) {
        Path assets = Path.of("..", "bench-wasm", "target", "classes", "io", "parbench", "assets");
        Path out = dir.resolve("aa-" + engine);
        CommandRun run = CommandRun.of("compare", "--engines", engine, "--kernels", "sum", "--sizes", "4096", "--workers", "1,2",
                "--warmup", "1", "--iterations", "2", "--iteration-time", "50", "--budget", "1s", "--baseline-assets", assets.toString(),
                "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(engine + ": A and B in the same fork, interleaved"), run.err());
        ComparisonDocument doc = ComparisonFiles.read(out.resolve("comparison.json"));
        assertEquals(ComparisonSetup.IN_FORK, doc.setup().pairingOf(engine));
        List<ForkResult> forks = doc.rounds().getFirst().forks();
        assertEquals(4, forks.size(), forks::toString);
        for (ForkResult fork : forks) {
            assertEquals(Status.OK, fork.status(), fork::toString);
            assertEquals(2, fork.samples().size(), fork::toString);
            assertEquals(fork.expectedChecksum(), fork.checksum());
            assertEquals(forks.getFirst().fork(), fork.fork(), "one JVM or page measured both sides at both worker counts");
        }
    }

    @Test
    void nothingChangedPassesWithNoRegression() throws IOException {
        CommandRun run = CommandRun.of("compare", "--from", document(1.0, "pass").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("no regression"), run.out());
        assertTrue(run.out().contains("PASS"), run.out());
    }

    @Test
    void aSlowdownFailsNamingTheConfiguration() throws IOException {
        CommandRun run = CommandRun.of("compare", "--from", document(1 / 1.1, "pass").toString());
        assertEquals(ExitCodes.FAILURES, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("REGRESSION") && l.contains("native") && l.contains("throughput")), run.out());
    }

    @Test
    void aBusyMachineIsNamedAsTheLikelyCauseOfNoise() throws IOException {
        CommandRun busy = CommandRun.of("compare", "--from", document(1.0, "pass", 5.04).toString());
        assertTrue(busy.out().contains("The machine was busy: its load average was 5.0 on 2 cores (median over the rounds)"), busy.out());
        assertTrue(busy.out().contains("every check was decided all the same"), busy.out());
        CommandRun calm = CommandRun.of("compare", "--from", document(1.0, "pass", 1.8).toString());
        assertFalse(calm.out().contains("The machine was busy"), calm.out());
    }

    /** The load average is this machine's: it says nothing of a browser measured on another one. */
    @Test
    void thisMachinesLoadIsNotBlamedForARemoteBrowser() throws IOException {
        Map<String, EngineFacts> remote = Map.of("chromium",
                EngineFacts.available("chromium", Map.of(FactKeys.WEBDRIVER_URL, "http://grid.example:4444")));
        CommandRun run = CommandRun.of("compare", "--from", document(1.0, "pass", 5.04, remote).toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertFalse(run.out().contains("The machine was busy"), run.out());
    }

    /** Where the forks measured what the machine took from them, that names the contended rounds, not the load average. */
    @Test
    void contendedRoundsAreNamedByWhatTheirForksWaitedForACpu() throws IOException {
        CommandRun run = CommandRun.of("compare", "--from", document(1.0, "pass", 5.04, Map.of(), Set.of(4, 7)).toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("round 4: contended — its forks' workers waited up to 43% of their time for a CPU (native/sum"),
                run.out());
        assertTrue(run.out().contains("; round 7: 43% (native/sum"), "the rest by their figure: " + run.out());
        assertFalse(run.out().contains("round 5: contended"), run.out());
        assertFalse(run.out().contains("The machine was busy"), "the measured figure replaces the load average: " + run.out());
        assertFalse(run.out().contains("set aside"), "the rule is off by default: " + run.out());
        assertTrue(run.out().contains("other work on the machine (processes outside these forks used up to 45% of its CPUs meanwhile)"),
                run.out());
        CommandRun own = CommandRun.of("compare", "--from", document(1.0, "pass", 5.04, Map.of(), Set.of(4, 7), 0.04).toString());
        assertTrue(own.out().contains("these forks' own threads beside their workers (processes outside them used at most 4% of the"
                + " machine's CPUs meanwhile, so little else ran)"), own.out());
        CommandRun calm = CommandRun.of("compare", "--from", document(1.0, "pass", 5.04, Map.of(), Set.of()).toString());
        assertFalse(calm.out().contains("contended"), calm.out());
        assertFalse(calm.out().contains("The machine was busy"), "a load average the forks did not feel: " + calm.out());
    }

    /** A replay with the rule sets the contended pairs aside: their checks have those rounds fewer. */
    @Test
    void theRerunRuleSetsAsideContendedPairsAndCountsThemPerCheck() throws IOException {
        Path doc = document(1.0, "pass", null, Map.of(), Set.of(4, 7));
        Path json = dir.resolve("v.json");
        CommandRun run = CommandRun.of("compare", "--from", doc.toString(), "--rerun-contended", "10%", "--json", json.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("--rerun-contended 10%: 2 pairs set aside"), run.out());
        assertTrue(run.out().contains("rounds set aside per check: native/sum"), run.out());
        assertTrue(Files.readString(json).contains("is set aside and measured again (--rerun-contended)"), "the method says so");
        CommandRun strict = CommandRun.of("compare", "--from", doc.toString(), "--rerun-contended", "1%");
        assertTrue(strict.out().contains("--rerun-contended 1%: 24 pairs set aside"), "every pair waited 2%: " + strict.out());
        assertFalse(CommandRun.of("compare", "--from", doc.toString(), "--rerun-contended", "off").out().contains("set aside"));
    }

    @Test
    void theJsonJunitAndMarkdownAreWritten() throws IOException {
        Path json = dir.resolve("v.json");
        Path junit = dir.resolve("v.xml");
        Path md = dir.resolve("v.md");
        CommandRun run = CommandRun.of("compare", "--from", document(1 / 1.1, "pass").toString(), "--json", json.toString(),
                "--junit", junit.toString(), "--markdown", md.toString());
        assertEquals(ExitCodes.FAILURES, run.exitCode(), run.err());
        assertTrue(Files.readString(json).contains("\"format\" : \"parbench-compare\""));
        assertTrue(Files.readString(junit).contains("<failure"));
        assertTrue(Files.readString(md).startsWith("## parbench compare: ❌ failed"));
        assertTrue(Files.exists(dir.resolve("report.html")));
    }

    /** The comparison's page: the run report's look, the verdict and every check before the charts, B/A on an axis around 1. */
    @Test
    void theComparisonPageShowsTheVerdictFirstInTheReportsLook() throws IOException {
        CommandRun run = CommandRun.of("compare", "--from", document(1 / 1.1, "pass").toString());
        assertEquals(ExitCodes.FAILURES, run.exitCode(), run.err());
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("--pass-bg"), "report.css is inlined");
        int verdict = page.indexOf("<h2>Verdict</h2>");
        int check = page.indexOf("native/sum");
        int chart = page.indexOf("<svg");
        assertTrue(verdict > 0 && verdict < check && check < chart, "verdict " + verdict + ", first check " + check + ", first chart " + chart);
        assertTrue(page.contains("class=\"headline state-fail\""), "the failed comparison's headline");
    }

    /**
     * A comparison of native sum at W = 1, 2 over 12 rounds whose B side runs at {@code factor}
     * of A, with 3% noise per fork.
     */
    private Path document(double factor, String undecided) throws IOException {
        return document(factor, undecided, null);
    }

    /** The same, each round ending at the given load average (null: not reported). */
    private Path document(double factor, String undecided, Double load) throws IOException {
        return document(factor, undecided, load, Map.of());
    }

    /** The same, measured by these engines (their facts say where). */
    private Path document(double factor, String undecided, Double load, Map<String, EngineFacts> engines) throws IOException {
        return document(factor, undecided, load, engines, null);
    }

    /**
     * The same, every fork's workers waiting 2% of their time for a CPU, but in the contended
     * rounds, where side B's at W = 2 waited 23% and ran 23% slower (null: no figures).
     */
    private Path document(double factor, String undecided, Double load, Map<String, EngineFacts> engines, Set<Integer> contended)
            throws IOException {
        return document(factor, undecided, load, engines, contended, 0.45);
    }

    /** The same, with what other processes used of the machine's CPUs in the contended forks (0.03 in the others). */
    private Path document(double factor, String undecided, Double load, Map<String, EngineFacts> engines, Set<Integer> contended,
            double othersWhenContended) throws IOException {
        Random rng = new Random(7);
        List<Configuration> plan = List.of(new Configuration("native", "sum", null, 1 << 20, 1),
                new Configuration("native", "sum", null, 1 << 20, 2));
        List<ComparisonRound> rounds = new ArrayList<>();
        for (int r = 1; r <= 12; r++) {
            List<ForkResult> forks = new ArrayList<>();
            for (Configuration c : plan) {
                double base = c.workers() == 1 ? 2000 : 3000;
                boolean slowed = contended != null && contended.contains(r) && c.workers() == 2;
                Double quiet = contended == null ? null : 0.02;
                Double othersQuiet = contended == null ? null : 0.03;
                forks.add(fork(c, ComparisonSide.BASELINE, base * Math.exp(0.03 * rng.nextGaussian()), quiet, othersQuiet));
                forks.add(fork(c, ComparisonSide.CURRENT, base * factor * (slowed ? 0.77 : 1) * Math.exp(0.03 * rng.nextGaussian()),
                        slowed ? Double.valueOf(0.43) : quiet, slowed ? Double.valueOf(othersWhenContended) : othersQuiet));
            }
            rounds.add(new ComparisonRound(r, Instant.EPOCH, forks, load));
        }
        MeasurementSettings settings = new MeasurementSettings(1, 2, 5, 150);
        ComparisonDocument doc = new ComparisonDocument(ComparisonDocument.FORMAT, ComparisonDocument.VERSION,
                new RunInfo("test", List.of("parbench", "compare"), Instant.EPOCH, Instant.EPOCH.plusSeconds(300), true, 42, "quick", settings),
                new Environment("host", "Linux", "amd64", "cpu", 2, 1L << 30, "jvm", engines),
                new ComparisonSetup(new SideSetup(ComparisonSide.BASELINE, Map.of("assets", "/elsewhere"), Map.of()),
                        new SideSetup(ComparisonSide.CURRENT, Map.of(), Map.of()), List.of("5%"), 0.05, 6, 2, 30,
                        Duration.ofMinutes(5), undecided, 1, Map.of(), null),
                plan, rounds);
        Path file = dir.resolve("comparison.json");
        ComparisonFiles.write(doc, file);
        return file;
    }

    private static ForkResult fork(Configuration c, ComparisonSide side, double level, Double runQueueShare, Double otherProcessesShare) {
        List<Double> samples = List.of(level * 0.99, level, level * 1.01, level * 1.005, level * 0.995);
        return new ForkResult(c, side, 0, Status.OK, null, samples, List.of(), "00000000000000aa", "00000000000000aa", null,
                runQueueShare, otherProcessesShare);
    }
}
