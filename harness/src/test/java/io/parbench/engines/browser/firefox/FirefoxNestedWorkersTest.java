package io.parbench.engines.browser.firefox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Block;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import io.parbench.serving.AssetServer;
import io.parbench.serving.ClasspathRoot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Why Firefox pages hung, in real Firefox over WebDriver BiDi (bench-wasm/FIREFOX-HANG.md): a
 * worker that constructs a worker can wait forever inside the constructor, so parbench's pages
 * start every worker from the page's main thread. The minimal page (test resources
 * firefox-nested-workers) starts its helpers either way; the guard page runs parbench's own
 * driver in a worker where constructing a worker throws.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirefoxNestedWorkersTest {

    private static final String RESOURCES = "firefox-nested-workers";
    // A watchdog for a shared, busy machine; a page that answers does so in about a second.
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int HELPERS = 3;

    private AssetServer server;
    private FirefoxDriver firefox;

    @BeforeAll
    void start() throws IOException {
        server = AssetServer.start(Map.of(
                "nested", new ClasspathRoot(RESOURCES),
                // beside web/, as parbench's driver fetches ../wasm/parbench.wasm from its own folder
                "guard", new ClasspathRoot(RESOURCES + "/guard"),
                "web", new ClasspathRoot("io/parbench/assets/web"),
                "wasm", new ClasspathRoot("io/parbench/assets/wasm")), true);
        firefox = new FirefoxDriver(null);
    }

    @AfterAll
    void stop() {
        firefox.close();
        server.close();
    }

    /** Deterministic: fails at once, on any machine, if parbench's driver starts a worker itself again. */
    @Test
    void parbenchsDriverConstructsNoWorkerAtFourWorkers() throws Exception {
        ForkPlan fork = new ForkPlan(new SeriesKey("firefox", "sum", null, 65536), List.of(Block.of(1), Block.of(4)),
                new MeasurementSettings(1, 0, 1, 1));
        Map<String, Object> config = new HashMap<>(BrowserEngineOptions.defaults().withBrowser(BrowserKind.FIREFOX)
                .withMinimumWarmup(Duration.ZERO).pageConfig(fork));
        config.put("kernel", "sum");
        config.put("modules", Map.of("current", "../wasm/parbench.wasm"));
        PageOutcome page = firefox.run(server.url("guard/index.html"), "run", config, TIMEOUT);
        assertEquals("ok", page.failed() ? page.failure() : page.result().get("status"),
                () -> page.result() + " " + page.notes());
    }

    /**
     * Helpers started by the page, as parbench's pages start them: every page answers. A smoke check
     * (the driver-started hang is about 1 page in 70): the guard above is what fails deterministically.
     */
    @Test
    void helpersStartedByThePageNeverHang() throws Exception {
        List<String> hung = pages("page", 20, false);
        assertTrue(hung.isEmpty(), () -> hung.size() + " of 20 pages hung: " + hung);
    }

    /**
     * The cause, still present in this Firefox: helpers started by the driver worker leave some
     * page stuck while constructing one (about 1 page in 70 here with a fresh content process per
     * page, 1 in 8 in a reused one). Slow and a matter of chance, so only on request
     * ({@code -Dparbench.firefox.nestedWorkerProof=true}); it fails once a Firefox no longer
     * hangs, which would make the page-started helpers unnecessary.
     */
    @Test
    @EnabledIfSystemProperty(named = "parbench.firefox.nestedWorkerProof", matches = "true")
    void helpersStartedByTheDriverWorkerHangInSomePage() throws Exception {
        List<String> hung = pages("driver", 500, true);
        assertEquals(1, hung.size(), "no page hung in 500");
        assertTrue(hung.getFirst().contains("constructing helper"), hung.getFirst());
    }

    /** Runs the minimal page up to {@code count} times; the reasons of the pages that hung. */
    private List<String> pages(String startedBy, int count, boolean stopAtFirstHang) throws Exception {
        List<String> hung = new ArrayList<>();
        for (int i = 0; i < count && !(stopAtFirstHang && !hung.isEmpty()); i++) {
            PageOutcome page = firefox.run(server.url("nested/index.html"), "run",
                    Map.of("helpers", HELPERS, "startedBy", startedBy), TIMEOUT);
            if (page.failed()) {
                hung.add("page " + (i + 1) + ": " + page.failure());
            } else {
                assertEquals("ok", page.result().get("status"), page.result()::toString);
            }
        }
        return hung;
    }
}
