package io.parbench.engines.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Block;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserCrash;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.PageTimeouts;
import io.parbench.engines.browser.drivers.BrowserDrivers;
import io.parbench.engines.byo.ByoEngine;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.plan.BlockOrder;
import io.parbench.results.BrowserProbe;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.PointAccounting;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every browser engine must do, in the real browser with the real parbench.wasm: one
 * subclass per browser driven by its own protocol. Few pages, tiny iterations, no speed asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserEngineContract {

    /** Tiny on purpose: each of the two iterations still runs at least one whole step. */
    static final MeasurementSettings QUICK = new MeasurementSettings(1, 0, 2, 1);
    // Generous: this machine is shared, and a page that loads while others build may wait long for a core.
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The browser of every engine here that needs no browser of its own (one that kills it does). */
    private BrowserDriver browser;
    private WasmEngine isolated;
    private EngineFacts isolatedFacts;

    abstract BrowserKind browser();

    /** What the browser's user agent contains. */
    abstract String userAgentMark();

    BrowserEngineOptions options() {
        return BrowserEngineOptions.defaults().withBrowser(browser()).withMinimumWarmup(Duration.ZERO).withForkTimeout(TIMEOUT);
    }

    @BeforeAll
    void start() {
        browser = BrowserDrivers.create(options());
        isolated = WasmEngine.sharing(options(), browser);
        isolatedFacts = isolated.probe();
    }

    @AfterAll
    void stop() {
        isolated.close();
        browser.close();
    }

    /** An engine with {@code options} in this class's browser. */
    WasmEngine inSharedBrowser(BrowserEngineOptions options) {
        return WasmEngine.sharing(options, browser);
    }

    /** A byo engine with {@code options} in this class's browser. */
    private ByoEngine byoInSharedBrowser(EngineOptions options) {
        return new ByoEngine(options, BrowserEngineOptions.from(options), browser);
    }

    @Test
    void probeReportsThreadsWhenIsolated() {
        EngineFacts facts = isolatedFacts;
        assertTrue(facts.available(), () -> facts.reason() + " / " + facts.fix());
        assertEquals(browser().id(), facts.engine());
        BrowserProbe probe = facts.browser();
        assertEquals(browser().id(), probe.browser());
        assertFalse(probe.version().isBlank());
        assertTrue(probe.userAgent().contains(userAgentMark()), probe.userAgent());
        assertTrue(probe.isolationServed());
        assertTrue(probe.crossOriginIsolated());
        assertTrue(probe.sharedArrayBuffer());
        assertTrue(probe.wasmThreads(), probe.wasmThreadsError());
        assertEquals("true", facts.facts().get("wasm.threadsReady"), facts.facts().toString());
    }

    @Test
    void everyKernelMatchesTheReferenceChecksumAtOneToFourWorkers() throws Exception {
        for (KernelSpec kernel : KernelSpec.values()) {
            assertCurveMatches(isolated, kernel, expected(kernel, kernel.defaultSize(KernelSpec.Profile.QUICK)));
        }
    }

    /**
     * One page measures the kernel at 1 to 4 workers on one pool, in a balanced order of two blocks
     * each; every block ran and every worker count computed the expected checksum.
     */
    static ForkMeasurement assertCurveMatches(WasmEngine engine, KernelSpec kernel, String expected) throws Exception {
        long size = kernel.defaultSize(KernelSpec.Profile.QUICK);
        List<Integer> workers = List.of(1, 2, 3, 4);
        ForkPlan curve = new ForkPlan(new SeriesKey(engine.name(), kernel.id(), null, size),
                BlockOrder.balanced(List.of(ComparisonSide.CURRENT), workers, QUICK.iterations(), new Random(kernel.ordinal())), QUICK);
        ForkMeasurement m = engine.measure(curve);
        String label = engine.name() + "/" + kernel.id() + "/" + size;
        assertEquals(Status.OK, m.status(), () -> label + ": " + m.reason() + " " + m.notes());
        assertNull(m.reason(), label);
        assertEquals(curve.order(), m.blocks().stream().map(ForkMeasurement.MeasuredBlock::block).toList(), label);
        assertTrue(m.blocks().stream().allMatch(b -> b.stepsPerSecond() > 0), label);
        Map<Block, String> everyCount = new HashMap<>();
        workers.forEach(w -> everyCount.put(Block.of(w), expected));
        assertEquals(everyCount, m.checksums(), label);
        assertTrue(m.poolStartupMillis() >= 0, label);
        for (ForkMeasurement.MeasuredBlock block : m.blocks()) {
            // The page's pool accounting of each block: the workers taking part, in the steps the block ran.
            PointAccounting accounting = block.accounting();
            assertTrue(accounting.steps() > 0 && accounting.wallNs() > 0, label + ": " + accounting);
            assertEquals("pb_pool", accounting.pool().source(), label);
            assertEquals(block.block().workers(), accounting.pool().workers().size(), label + ": " + accounting);
            assertTrue(block.interval().endEpochNs() > block.interval().startEpochNs(), label + ": " + block.interval());
        }
        return m;
    }

    @Test
    void withoutIsolationMoreWorkersFallBackToOneWithTheBrowsersReason() throws Exception {
        // WebKit's driver opens pages without isolation its own way (a window each), so there it needs a browser of its own.
        BrowserEngineOptions notIsolated = options().withIsolation(false);
        try (WasmEngine open = browser() == BrowserKind.WEBKIT ? new WasmEngine(notIsolated) : inSharedBrowser(notIsolated)) {
            BrowserProbe probe = open.probe().browser();
            assertFalse(probe.crossOriginIsolated());
            assertFalse(probe.wasmThreads());
            // Chromium and Firefox refuse to post the memory (DataCloneError); WebKit has no shared memory at all.
            assertFalse(probe.wasmThreadsError().isBlank());
            long size = KernelSpec.SUM.defaultSize(KernelSpec.Profile.QUICK);
            SingleConfiguration.Result two = SingleConfiguration.measure(open, new Configuration(browser().id(), "sum", null, size, 2), QUICK);
            assertEquals(Status.FALLBACK, two.status(), () -> two.reason() + " " + two.notes());
            assertTrue(two.reason().contains("measured with 1 worker instead of 2"), two.reason());
            assertEquals(expected(KernelSpec.SUM, size), two.checksum());
        }
    }

    @Test
    void aHungStepIsStoppedByTheWatchdogAndTheNextPageRuns() throws Exception {
        Configuration forkjoin = new Configuration(browser().id(), "forkjoin", null, 1024, 2);
        // A timeout the page keeps well within up to its first step, made from how long a page takes here.
        Duration onePage = PageTimeouts.timed(() -> assertEquals(Status.OK, SingleConfiguration.measure(isolated, forkjoin, QUICK).status()));
        Duration timeout = PageTimeouts.roomFor(onePage, Duration.ZERO);
        EngineOptions options = new EngineOptions(KernelSpec.DEFAULT_SEED, browser().id(), null, true, timeout, testAdapter("step-hangs"));
        try (ByoEngine engine = byoInSharedBrowser(options)) {
            assertTrue(engine.probe().available());
            SingleConfiguration.Result hung = SingleConfiguration.measure(engine, new Configuration("byo", "step-hangs", null, 8, 2), QUICK);
            assertEquals(Status.FAILED, hung.status());
            assertTrue(hung.reason().contains(String.format(Locale.ROOT, "no answer within the fork's timeout of %.1f s",
                    timeout.toMillis() / 1000.0)), hung.reason());
            assertTrue(hung.reason().contains("step() never returned"), hung.reason());
        }
        SingleConfiguration.Result next = SingleConfiguration.measure(isolated, forkjoin, QUICK);
        assertEquals(Status.OK, next.status(), next::reason);
    }

    /** A library's own threads are workers the page starts (in Firefox a nested worker can hang: FIREFOX-HANG.md). */
    @Test
    void aWorkerTheAdapterStartsIsStartedByThePageAndSharesMemory() throws Exception {
        EngineOptions options = new EngineOptions(KernelSpec.DEFAULT_SEED, browser().id(), null, true, TIMEOUT,
                testAdapter("own-worker"));
        try (ByoEngine engine = byoInSharedBrowser(options)) {
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("byo", "own-worker", null, 8, 2), QUICK);
            assertEquals(Status.OK, m.status(), () -> m.reason() + " " + m.notes());
        }
    }

    @Test
    void aBrowserThatDiedIsNamedAndRelaunchedAndNothingIsLeftBehind() throws Exception {
        String folder;
        Configuration forkjoin = new Configuration(browser().id(), "forkjoin", null, 1024, 2);
        try (WasmEngine engine = new WasmEngine(options())) {
            assertEquals(Status.OK, SingleConfiguration.measure(engine, forkjoin, QUICK).status());
            folder = markerOf(engine);
            int launchesBeforeCrash = engine.driver().launches();
            BrowserCrash.kill(engine.driver());
            assertFalse(engine.driver().running());
            assertTrue(engine.driver().deathNotice().contains("died") || engine.driver().deathNotice().contains("killed by signal 9"),
                    engine.driver().deathNotice());
            SingleConfiguration.Result afterCrash = SingleConfiguration.measure(engine, forkjoin, QUICK);
            assertEquals(Status.OK, afterCrash.status(), afterCrash::reason);
            assertTrue(afterCrash.notes().stream().anyMatch(note -> note.endsWith(" before this page; " + browser().id()
                    + " was relaunched for it")), "the relaunch is in the results: " + afterCrash.notes());
            // Relaunched; a start-up retry under load (Firefox) may add launches of its own, so not exactly one more.
            assertTrue(engine.driver().launches() > launchesBeforeCrash, "launches " + engine.driver().launches());
            assertFalse(LeftoverProcesses.of(folder).isEmpty(), "the browser's processes carry the marker");
        }
        assertEquals(List.of(), LeftoverProcesses.of(folder));
    }

    private static String markerOf(WasmEngine engine) {
        return engine.driver().browserProcess().map(LeftoverProcesses::marker).orElseThrow();
    }

    static Path testAdapter(String name) throws URISyntaxException {
        return Path.of(BrowserEngineContract.class.getResource("/byo/" + name + "/adapter.js").toURI());
    }

    static String expected(KernelSpec kernel, long size) {
        return ChecksumText.of(ReferenceChecksums.of(kernel, size, KernelSpec.DEFAULT_SEED));
    }

}
