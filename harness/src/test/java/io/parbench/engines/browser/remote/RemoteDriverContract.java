package io.parbench.engines.browser.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.wasm.WasmEngine;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.results.BrowserProbe;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import io.parbench.serving.ServeAddress;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A browser on "another machine": a stand-alone WebDriver server stands in for the remote node,
 * and the pages are served the way a remote browser needs them, over HTTPS on this machine's
 * non-loopback address. Checks what the pages compute and what the browser says, never speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteDriverContract {

    private static final MeasurementSettings QUICK = new MeasurementSettings(1, 0, 2, 1);

    private WebDriverNode node;
    private InetAddress lan;
    private WasmEngine engine;
    private EngineFacts facts;

    abstract BrowserKind browser();

    abstract WebDriverNode startNode() throws Exception;

    /** What the remote browser's user agent contains. */
    abstract String userAgentMark();

    @BeforeAll
    void start() throws Exception {
        node = startNode();
        lan = ServeAddress.nonLoopback().getFirst();
        engine = new WasmEngine(options());
        facts = engine.probe();
    }

    @AfterAll
    void stop() {
        engine.close();
        node.close();
    }

    /** The node the engine's sessions run on, for a browser's own tests. */
    WebDriverNode node() {
        return node;
    }

    /** The engine of every test here, its remote driver's session open while a page runs or after. */
    WasmEngine engine() {
        return engine;
    }

    private BrowserEngineOptions options() {
        return BrowserEngineOptions.defaults().withBrowser(browser())
                .withRemote(new RemoteEndpoint(node.url(), node.capabilities(), lan))
                .withMinimumWarmup(Duration.ZERO).withForkTimeout(Duration.ofSeconds(60));
    }

    @Test
    void theRemoteBrowserIsCrossOriginIsolatedOverHttpsOnTheMachinesAddress() {
        assertTrue(facts.available(), () -> facts.reason() + " / " + facts.fix());
        BrowserProbe probe = facts.browser();
        assertTrue(probe.crossOriginIsolated(), "crossOriginIsolated over https://" + lan.getHostAddress());
        assertTrue(probe.sharedArrayBuffer());
        assertTrue(probe.wasmThreads(), probe.wasmThreadsError());
        assertTrue(probe.userAgent().contains(userAgentMark()), probe.userAgent());
        assertFalse(probe.version().isBlank());
    }

    @Test
    void thePagesCameOverHttpsFromTheMachinesAddressNotLoopback() {
        String origin = facts.facts().get(FactKeys.PAGES_ORIGIN);
        assertTrue(origin.startsWith("https://" + lan.getHostAddress() + ":"), origin);
    }

    @Test
    void theRemoteMachineIsRecordedNotTheHarnesss() {
        assertEquals(node.url().toString(), facts.facts().get(FactKeys.WEBDRIVER_URL));
        assertEquals(browser().webDriverName(), facts.facts().get(FactKeys.REMOTE_BROWSER_NAME));
        assertEquals(facts.browser().userAgent(), facts.facts().get(FactKeys.REMOTE_USER_AGENT));
        assertEquals(String.valueOf(facts.browser().hardwareConcurrency()), facts.facts().get(FactKeys.REMOTE_CORES));
        assertFalse(facts.facts().get(FactKeys.REMOTE_PLATFORM).isBlank());
    }

    @Test
    void checksumsEqualTheReferenceAtOneAndTwoWorkers() throws Exception {
        for (KernelSpec kernel : List.of(KernelSpec.NBODY, KernelSpec.SUM)) {
            long size = kernel.defaultSize(KernelSpec.Profile.QUICK);
            for (int workers = 1; workers <= 2; workers++) {
                Configuration configuration = new Configuration(browser().id(), kernel.id(), null, size, workers);
                SingleConfiguration.Result m = SingleConfiguration.measure(engine, configuration, QUICK);
                assertEquals(Status.OK, m.status(), () -> configuration.label() + ": " + m.reason() + " " + m.notes());
                assertEquals(ChecksumText.of(ReferenceChecksums.of(kernel, size, KernelSpec.DEFAULT_SEED)), m.checksum(),
                        configuration.label());
                // A remote page keeps its pool's accounting as a local one does.
                for (ForkMeasurement fork : m.forks()) {
                    for (ForkMeasurement.MeasuredBlock block : fork.blocks()) {
                        assertEquals("pb_pool", block.accounting().pool().source(), configuration.label());
                        assertEquals(workers, block.accounting().pool().workers().size(), configuration.label());
                    }
                }
            }
        }
    }

    @Test
    void aBrowserThatDiedOnTheNodeIsReplacedByANewSessionForTheNextPage() throws Exception {
        // The engine of the other tests: a WebKitWebDriver node holds one session at a time.
        Configuration forkjoin = new Configuration(browser().id(), "forkjoin", null, 1024, 2);
        assertEquals(Status.OK, SingleConfiguration.measure(engine, forkjoin, QUICK).status());
        int launches = engine.driver().launches();
        node.killBrowsers();
        assertFalse(engine.driver().running());
        assertTrue(engine.driver().deathNotice().contains("no longer answers"), engine.driver().deathNotice());
        SingleConfiguration.Result after = SingleConfiguration.measure(engine, forkjoin, QUICK);
        assertEquals(Status.OK, after.status(), after::reason);
        assertEquals(launches + 1, engine.driver().launches());
    }
}
