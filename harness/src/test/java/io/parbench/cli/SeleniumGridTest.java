package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.remote.SeleniumGrid;
import io.parbench.engines.wasm.WasmEngine;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonFiles;
import io.parbench.results.Configuration;
import io.parbench.results.FactKeys;
import io.parbench.results.ForkResult;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import io.parbench.serving.ServeAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * parbench against a real Selenium Grid 4.47.0 (the Maven Central artifact), which is stricter than
 * a lone chromedriver: a standalone server with a Chromium slot, and a hub with a Chromium node
 * (chromedriver) and a WebKit node (a relay to WebKitWebDriver). The pages are served over HTTPS
 * on this machine's non-loopback address, as for a Grid elsewhere. Checks what runs where and
 * what the pages compute, never speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeleniumGridTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIDE_A_AGENT = "parbench-side-a";

    private SeleniumGrid standalone;
    private SeleniumGrid hub;
    private SeleniumGrid.Node chromiumNode;
    private Map<String, Object> webKitCapabilities;

    @TempDir
    Path temp;

    @BeforeAll
    void startGrids() throws Exception {
        standalone = SeleniumGrid.standalone();
        hub = SeleniumGrid.hub();
        chromiumNode = hub.addChromiumNode();
        webKitCapabilities = hub.addWebKitNode().relayed().capabilities();
    }

    @AfterAll
    void stopGrids() {
        if (hub != null) {
            hub.close();
        }
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void doctorListsWhatTheGridOffersAndChecksTheBrowserOnIt() {
        CommandRun run = CommandRun.of(with(webKitCapabilities, "doctor", "--webdriver-url", hub.url().toString(), "--browser", "webkit",
                "--serve-address", lanAddress()));
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("a Selenium Grid (Selenium Grid ready.); its nodes' slots:"), run.out());
        assertTrue(run.out().contains("chrome on linux (node http://127.0.0.1:"), run.out());
        assertTrue(run.out().contains("MiniBrowser on linux (node http://127.0.0.1:"), run.out());
        assertTrue(run.out().contains("✓ A node that is up offers webkit (MiniBrowser)"), run.out());
        assertTrue(run.out().contains("✓ The worker pool starts: a parallel region on 2 workers computes the right answer"), run.out());
        assertFalse(run.out().contains("✗"), run.out());
    }

    /** A Grid queues a request no node can serve for minutes (5 by default): doctor and run say so at once. */
    @Test
    void aBrowserNoNodeOffersIsNamedWithWhatTheGridOffers() {
        CommandRun doctor = CommandRun.of("doctor", "--webdriver-url", hub.url().toString(), "--browser", "safari");
        assertEquals(ExitCodes.FAILURES, doctor.exitCode(), doctor.out() + doctor.err());
        assertTrue(doctor.out().contains("✗ no node of the Grid offers safari; it offers "), doctor.out());

        CommandRun run = CommandRun.of("run", "--webdriver-url", hub.url().toString(), "--browser", "safari", "--kernels", "sum",
                "--out", temp.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("the Selenium Grid at " + hub.url() + " cannot give a safari session: no node of the Grid offers"
                + " safari"), run.err());
    }

    /** A standalone Grid (doctor is checked on the hub, which speaks the same protocol). */
    @Test
    void aStandaloneGridRunsARun() throws Exception {
        RunDocument doc = run(standalone, BrowserKind.CHROMIUM, SeleniumGrid.chromiumCapabilities(), "nbody", "1,2");
        assertEquals("chrome", doc.environment().engines().get("chromium").facts().get(FactKeys.REMOTE_BROWSER_NAME));
    }

    /** Each browser's sessions go to the node that offers it: what its pages say of themselves (one page each). */
    @Test
    void theHubRoutesEachBrowserToItsNode() throws Exception {
        RunDocument chromium = run(hub, BrowserKind.CHROMIUM, SeleniumGrid.chromiumCapabilities(), "forkjoin", "2");
        assertTrue(chromium.environment().engines().get("chromium").browser().userAgent().contains("Chrome/"));
        RunDocument webkit = run(hub, BrowserKind.WEBKIT, webKitCapabilities, "forkjoin", "2");
        String agent = webkit.environment().engines().get("webkit").browser().userAgent();
        assertTrue(agent.contains("AppleWebKit/") && !agent.contains("Chrome/"), agent);
        assertEquals("MiniBrowser", webkit.environment().engines().get("webkit").facts().get(FactKeys.REMOTE_BROWSER_NAME));
    }

    /**
     * The node dies while a page runs on it (its JVM, chromedriver and Chromium killed at once):
     * that page fails with what died, and once a node with the browser is back, the next page gets a
     * session there and computes the reference answer.
     */
    @Test
    void aNodeThatDiesMidPageFailsThatPageAndTheNextPageRunsOnTheNodeThatReplacesIt() throws Exception {
        BrowserEngineOptions options = BrowserEngineOptions.defaults().withBrowser(BrowserKind.CHROMIUM)
                .withRemote(new RemoteEndpoint(hub.url(), SeleniumGrid.chromiumCapabilities(), ServeAddress.nonLoopback().getFirst()))
                .withMinimumWarmup(Duration.ZERO).withForkTimeout(Duration.ofMinutes(5));
        try (WasmEngine engine = new WasmEngine(options)) {
            assertTrue(engine.probe().available());
            String session = hub.sessionIds().getFirst();
            // A page that would measure for a minute: the node dies once its window is open.
            Configuration forkjoin = new Configuration("chromium", "forkjoin", null, 1024, 2);
            CompletableFuture<SingleConfiguration.Result> longPage = CompletableFuture.supplyAsync(() -> measure(engine, forkjoin,
                    new MeasurementSettings(1, 0, 1, 60_000)));
            hub.awaitWindows(session, 2);
            hub.kill(chromiumNode);
            SingleConfiguration.Result died = longPage.get();
            assertEquals(Status.FAILED, died.status());
            assertTrue(died.reason().contains("the chromium session " + session + " at " + hub.url() + " no longer answers while the page ran"),
                    died.reason());

            chromiumNode = hub.addChromiumNode();
            SingleConfiguration.Result after = measure(engine, forkjoin, new MeasurementSettings(1, 0, 1, 1));
            assertEquals(Status.OK, after.status(), after::reason);
            assertEquals(ChecksumText.of(ReferenceChecksums.of(KernelSpec.FORKJOIN, 1024, KernelSpec.DEFAULT_SEED)), after.checksum());
            assertEquals(2, engine.driver().launches(), "a new session for the next page");
        }
    }

    /**
     * compare holds a session per side at once: on a Grid whose only Chromium slot is taken by
     * side B, side A's request would wait in the Grid's queue for B, for minutes. Said at once.
     */
    @Test
    void compareNeedsTwoSlotsAndSaysSoAtOnce() {
        CommandRun run = CommandRun.of(with(SeleniumGrid.chromiumCapabilities(), "compare", "--webdriver-url", hub.url().toString(),
                "--browser", "chromium", "--baseline-capability", "browserName=chrome", "--serve-address", lanAddress(),
                "--kernels", "nbody", "--workers", "1", "--out", temp.toString()));
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("cannot give a chromium session: its 1 slot(s) with chrome are held by this run's own sessions"),
                run.err());
    }

    /** The same when the slots are there but their node runs one session at a time (a node's max-sessions, its cores by default). */
    @Test
    void compareOnANodeThatRunsOneSessionAtATimeSaysSoAtOnce() throws Exception {
        try (SeleniumGrid narrow = SeleniumGrid.standalone(1)) {
            CommandRun run = CommandRun.of(with(SeleniumGrid.chromiumCapabilities(), "compare", "--webdriver-url", narrow.url().toString(),
                    "--browser", "chromium", "--baseline-capability", "browserName=chrome", "--serve-address", lanAddress(),
                    "--kernels", "nbody", "--workers", "1", "--out", temp.toString()));
            assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("are held by this run's own sessions"), run.err());
            assertTrue(run.err().contains("free but its node runs at most 1 session(s) at once, its max-sessions"), run.err());
        }
    }

    /**
     * Both sides' pages run on the Grid; side A's sessions get --baseline-capability on top of
     * --capability (here a user agent of its own, which A's pages then report). A budget that one
     * round spends (each side's fork) is all it needs, and the 50% threshold keeps this A/A
     * comparison from ever deciding a regression: what is tested is that both sides ran there,
     * with correct checksums, and that A got its capability.
     */
    @Test
    void compareRunsBothSidesOnTheGridAndSideAGetsItsCapability() throws Exception {
        CommandRun run = CommandRun.of("compare", "--webdriver-url", standalone.url().toString(), "--browser", "chromium",
                "--capability", "goog:chromeOptions=" + chromeOptions(List.of()),
                "--baseline-capability", "goog:chromeOptions=" + chromeOptions(List.of("--user-agent=" + SIDE_A_AGENT)),
                "--serve-address", lanAddress(), "--kernels", "nbody", "--workers", "1",
                "--warmup", "0", "--iterations", "2", "--iteration-time", "50", "--budget", "1s",
                "--threshold", "50%", "--out", temp.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("Comparing A (--baseline-capability goog:chromeOptions="), run.err());

        ComparisonDocument doc = ComparisonFiles.read(temp.resolve("comparison.json"));
        assertEquals(standalone.url().toString(), doc.environment().engines().get("chromium").facts().get(FactKeys.WEBDRIVER_URL));
        String agentA = doc.setup().baseline().engines().get("chromium").browser().userAgent();
        String agentB = doc.setup().current().engines().get("chromium").browser().userAgent();
        assertEquals(SIDE_A_AGENT, agentA, "side A's pages run with its capability");
        assertFalse(agentB.contains(SIDE_A_AGENT), "side B's do not: " + agentB);

        List<ForkResult> forks = doc.rounds().stream().flatMap(round -> round.forks().stream()).toList();
        assertFalse(doc.rounds().isEmpty(), "at least one round in the budget");
        assertEquals(2 * doc.rounds().size(), forks.size(), "one fork per side in every round");
        for (ForkResult fork : forks) {
            assertEquals(Status.OK, fork.status(), fork.toString());
            assertEquals(fork.expectedChecksum(), fork.checksum(), "the remote page computes the reference answer");
        }
    }

    /** parbench run of {@code kernel} at {@code workers} on {@code grid}: every configuration ok, with its pages from this machine's address. */
    private RunDocument run(SeleniumGrid grid, BrowserKind browser, Map<String, Object> capabilities, String kernel, String workers)
            throws Exception {
        Path out = temp.resolve(browser.id() + "-" + kernel);
        CommandRun run = CommandRun.of(with(capabilities, "run", "--webdriver-url", grid.url().toString(), "--browser", browser.id(),
                "--serve-address", lanAddress(), "--kernels", kernel, "--sizes", kernel.equals("forkjoin") ? "1024" : "512",
                "--workers", workers, "--forks", "1", "--warmup", "0", "--iterations", "1", "--iteration-time", "1", "--out", out.toString()));
        Path results = out.resolve("results.json");
        RunDocument doc = Files.exists(results) ? ResultsReader.read(results) : null;
        assertEquals(ExitCodes.OK, run.exitCode(), () -> run.err() + (doc == null ? ""
                : doc.configurations().stream().map(c -> c.configuration().label() + ": " + c.reason()).toList()));
        var engine = doc.environment().engines().get(browser.id());
        assertEquals(grid.url().toString(), engine.facts().get(FactKeys.WEBDRIVER_URL));
        assertTrue(engine.facts().get(FactKeys.PAGES_ORIGIN).startsWith("https://" + lanAddress() + ":"), engine.facts().toString());
        assertTrue(engine.browser().crossOriginIsolated());
        return doc;
    }

    private static SingleConfiguration.Result measure(WasmEngine engine, Configuration configuration, MeasurementSettings settings) {
        try {
            return SingleConfiguration.measure(engine, configuration, settings);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The command line with each capability as --capability KEY=JSON. */
    private static String[] with(Map<String, Object> capabilities, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        capabilities.forEach((key, value) -> {
            all.add("--capability");
            all.add(key + "=" + json(value));
        });
        return all.toArray(String[]::new);
    }

    /** The Grid's Chromium options as the command line's JSON, with {@code extraArgs} added. */
    private static String chromeOptions(List<String> extraArgs) {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) SeleniumGrid.chromiumCapabilities().get("goog:chromeOptions"));
        @SuppressWarnings("unchecked")
        List<String> args = new ArrayList<>((List<String>) options.get("args"));
        args.addAll(extraArgs);
        options.put("args", args);
        return json(options);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String lanAddress() {
        return ServeAddress.nonLoopback().getFirst().getHostAddress();
    }
}
