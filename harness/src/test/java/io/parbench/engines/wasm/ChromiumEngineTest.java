package io.parbench.engines.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserCrash;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.PageRun;
import io.parbench.engines.browser.PageTimeouts;
import io.parbench.engines.browser.drivers.BrowserDrivers;
import io.parbench.engines.browser.playwright.PlaywrightDriver;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.results.BrowserProbe;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The engine in real headless Chromium with the real parbench.wasm, checked against the native library. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumEngineTest {

    /** These tests check what pages compute, not how fast: no 2 s warm-up per page. */
    private static final BrowserEngineOptions SHORT_WARMUP = BrowserEngineOptions.defaults().withMinimumWarmup(Duration.ZERO);
    /** Tiny on purpose: each of the two iterations still runs at least one whole step. */
    private static final MeasurementSettings QUICK = new MeasurementSettings(1, 0, 2, 1);
    /** Generous for this shared machine, short enough to wait for once in the watchdog test. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** The browser of every engine here that needs no browser of its own (one that kills it does). */
    private BrowserDriver browser;
    private WasmEngine isolated;
    private WasmEngine notIsolated;
    private EngineFacts isolatedFacts;
    private EngineFacts notIsolatedFacts;

    @BeforeAll
    void start() {
        browser = BrowserDrivers.create(SHORT_WARMUP);
        isolated = WasmEngine.sharing(SHORT_WARMUP.withForkTimeout(TIMEOUT), browser);
        notIsolated = WasmEngine.sharing(SHORT_WARMUP.withIsolation(false).withForkTimeout(TIMEOUT), browser);
        isolatedFacts = isolated.probe();
        notIsolatedFacts = notIsolated.probe();
    }

    @AfterAll
    void stop() throws Exception {
        isolated.close();
        notIsolated.close();
        browser.close();
    }

    @Test
    void probeReportsThreadsWhenIsolated() {
        EngineFacts facts = isolatedFacts;
        assertTrue(facts.available(), () -> facts.reason() + " / " + facts.fix());
        assertEquals("chromium", facts.engine());
        BrowserProbe probe = facts.browser();
        assertEquals("chromium", probe.browser());
        assertFalse(probe.version().isBlank());
        assertTrue(probe.userAgent().contains("Chrome"), probe.userAgent());
        assertTrue(probe.hardwareConcurrency() >= 1);
        assertTrue(probe.isolationServed());
        assertTrue(probe.crossOriginIsolated());
        assertTrue(probe.sharedArrayBuffer());
        assertTrue(probe.wasmThreads());
        assertNull(probe.wasmThreadsError());
        assertTrue(probe.timerResolutionMillis() > 0 && probe.timerResolutionMillis() < 1, "" + probe.timerResolutionMillis());
        assertTrue(facts.facts().get("executable").contains("chromium"), facts.facts().toString());
        // What 'parbench inspect' finds in the module the pages run (the report's checklist reads it).
        assertEquals("true", facts.facts().get("wasm.sharedMemory"), facts.facts().toString());
        assertEquals("true", facts.facts().get("wasm.atomics"), facts.facts().toString());
        assertEquals("true", facts.facts().get("wasm.threadsReady"), facts.facts().toString());
    }

    @Test
    void probeReportsTheBrowsersReasonWithoutIsolation() {
        EngineFacts facts = notIsolatedFacts;
        assertTrue(facts.available(), () -> facts.reason() + " / " + facts.fix());
        BrowserProbe probe = facts.browser();
        assertFalse(probe.isolationServed());
        assertFalse(probe.crossOriginIsolated());
        assertFalse(probe.sharedArrayBuffer());
        assertFalse(probe.wasmThreads());
        assertTrue(probe.wasmThreadsError().startsWith("DataCloneError: "), probe.wasmThreadsError());
        assertTrue(probe.wasmThreadsError().contains("crossOriginIsolated"), probe.wasmThreadsError());
        // Chromium coarsens the clock of pages that are not isolated.
        assertTrue(probe.timerResolutionMillis() > isolatedFacts.browser().timerResolutionMillis());
    }

    @Test
    void everyKernelMatchesTheNativeChecksumAtOneToFourWorkers() throws Exception {
        for (KernelSpec kernel : KernelSpec.values()) {
            ForkMeasurement m = BrowserEngineContract.assertCurveMatches(isolated, kernel, expected(kernel, kernel.defaultSize(KernelSpec.Profile.QUICK)));
            assertTrue(m.mainThreadMaxGapMillis() >= 0);
        }
    }

    @Test
    void aPageWarmsUpForAtLeastTheMinimumWarmup() throws Exception {
        Duration minimum = Duration.ofSeconds(3);
        try (WasmEngine engine = WasmEngine.sharing(SHORT_WARMUP.withMinimumWarmup(minimum).withForkTimeout(TIMEOUT), browser)) {
            assertTrue(engine.probe().available());
            long started = System.nanoTime();
            assertOk(SingleConfiguration.measure(engine, new Configuration("chromium", "forkjoin", null, 1024, 1), QUICK));
            // QUICK asks for no warm-up iterations and two of 1 ms: only the minimum makes a page take this long.
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(minimum) >= 0, "the page took " + took);
        }
    }

    @Test
    void eachForkGetsTheWholeTimeout() throws Exception {
        // Two forks against a timeout that one fork keeps well within and two together exceed by
        // most of a minimum warm-up: made from how long one such page takes on this machine.
        Duration warmup = Duration.ofSeconds(6);
        Configuration forkjoin = new Configuration("chromium", "forkjoin", null, 1024, 1);
        Duration onePage;
        try (WasmEngine engine = WasmEngine.sharing(SHORT_WARMUP.withMinimumWarmup(warmup).withForkTimeout(TIMEOUT.multipliedBy(4)), browser)) {
            assertTrue(engine.probe().available());
            onePage = PageTimeouts.timed(() -> assertOk(SingleConfiguration.measure(engine, forkjoin, QUICK)));
        }
        try (WasmEngine engine = WasmEngine.sharing(SHORT_WARMUP.withMinimumWarmup(warmup)
                .withForkTimeout(PageTimeouts.roomFor(onePage, warmup)), browser)) {
            assertTrue(engine.probe().available());
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, forkjoin, new MeasurementSettings(2, 0, 2, 1));
            assertOk(m);
            assertEquals(2, m.samples().size());
        }
    }

    @Test
    void withoutIsolationMoreWorkersFallBackToOneWithTheBrowsersReason() throws Exception {
        long size = KernelSpec.SUM.defaultSize(KernelSpec.Profile.QUICK);
        MeasurementSettings twoForks = new MeasurementSettings(2, 0, 2, 1);
        SingleConfiguration.Result two = SingleConfiguration.measure(notIsolated, new Configuration("chromium", "sum", null, size, 2), twoForks);
        assertEquals(Status.FALLBACK, two.status(), () -> two.reason() + " " + two.notes());
        assertTrue(two.reason().contains("measured with 1 worker instead of 2"), two.reason());
        assertTrue(two.reason().contains("DataCloneError"), two.reason());
        assertEquals(expected(KernelSpec.SUM, size), two.checksum());
        assertEquals(2, two.samples().size(), "one list of samples per fork (page)");
        assertEquals(2, two.samples().getLast().size());

        SingleConfiguration.Result one = SingleConfiguration.measure(notIsolated, new Configuration("chromium", "sum", null, size, 1), QUICK);
        assertOk(one);
        assertEquals(two.checksum(), one.checksum());
    }

    @Test
    void aCrashedBrowserIsRelaunchedForTheNextConfiguration() throws Exception {
        // (A hung page is the byo engine's test: its step-hangs adapter; the watchdog is shared.)
        try (WasmEngine engine = new WasmEngine(SHORT_WARMUP.withForkTimeout(TIMEOUT))) {
            Configuration forkjoin = new Configuration("chromium", "forkjoin", null, 1024, 2);
            assertOk(SingleConfiguration.measure(engine, forkjoin, QUICK));
            BrowserCrash.kill(engine.driver());
            SingleConfiguration.Result afterCrash = SingleConfiguration.measure(engine, forkjoin, QUICK);
            assertOk(afterCrash);
            assertEquals(2, engine.driver().launches());
            assertTrue(afterCrash.notes().stream().anyMatch(note -> note.contains("died (crashed or was killed) before this page; chromium"
                    + " was relaunched for it")), afterCrash.notes().toString());
        }
    }

    /** Killed while no page runs, between a configuration's forks: replaced for the next fork, and the results say so. */
    @Test
    void aBrowserKilledBetweenForksIsRelaunchedAndTheRelaunchIsANote() throws Exception {
        PlaywrightDriver chromium = new PlaywrightDriver(BrowserKind.CHROMIUM, null);
        AtomicInteger pages = new AtomicInteger();
        long[] killed = new long[1];
        // The real driver, whose browser is killed (SIGKILL) as soon as the first page has answered.
        BrowserDriver killedAfterFirstPage = (BrowserDriver) Proxy.newProxyInstance(BrowserDriver.class.getClassLoader(),
                new Class<?>[] {BrowserDriver.class}, (proxy, method, args) -> {
                    Object answer = invoke(method, chromium, args);
                    if (method.getName().equals("run") && pages.incrementAndGet() == 2) { // the probe, then fork 1
                        killed[0] = chromium.browserProcess().orElseThrow().pid();
                        BrowserCrash.kill(chromium);
                    }
                    return answer;
                });
        try (WasmEngine engine = new WasmEngine(SHORT_WARMUP.withForkTimeout(TIMEOUT), killedAfterFirstPage)) {
            assertTrue(engine.probe().available());
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("chromium", "forkjoin", null, 1024, 2),
                    new MeasurementSettings(2, 0, 2, 1));
            assertOk(m);
            assertEquals(2, m.samples().size(), "both forks measured");
            assertEquals(2, engine.driver().launches());
            assertEquals(List.of(), m.forks().getFirst().notes().stream().filter(note -> note.contains("relaunched")).toList());
            assertEquals(List.of("chromium (pid " + killed[0] + ") died (crashed or was killed) before this page; chromium was"
                    + " relaunched for it"), m.forks().get(1).notes().stream().filter(note -> note.contains("relaunched")).toList());
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * A page that answers nothing for longer than one wait for news is waited for until the fork's
     * timeout, as a page a busy machine or a library's long compile holds up: here its renderer is
     * stopped while it warms up, for 2 s more than that wait, then measures. Failing it at the first
     * wait that timed out said "no answer within the fork's timeout" long before that timeout.
     */
    @Test
    void aPageThatAnswersNothingForAWhileIsWaitedForUntilTheForksTimeout() throws Exception {
        Duration stopped = PageRun.NEWS_ANSWER_WAIT.plusSeconds(2);
        // It warms up for longer than it is stopped, so that it is still warming up when it is; one worker, one core.
        Configuration forkjoin = new Configuration("chromium", "forkjoin", null, 1024, 1);
        BrowserEngineOptions options = SHORT_WARMUP.withMinimumWarmup(stopped.plusSeconds(1)).withForkTimeout(TIMEOUT.multipliedBy(4));
        try (WasmEngine engine = WasmEngine.sharing(options, browser)) {
            Set<Path> before = BrowserCrash.workerThreads(engine.driver());
            CompletableFuture<SingleConfiguration.Result> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return SingleConfiguration.measure(engine, forkjoin, QUICK);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            BrowserCrash.awaitWorkerThreads(engine.driver(), before, 1);
            ProcessHandle renderer = BrowserCrash.processOf(BrowserCrash.workerThreads(engine.driver()).stream()
                    .filter(thread -> !before.contains(thread)).findFirst().orElseThrow());
            BrowserCrash.signal("STOP", renderer);
            try {
                Thread.sleep(stopped);
            } finally {
                BrowserCrash.signal("CONT", renderer);
            }
            SingleConfiguration.Result m = running.get();
            assertOk(m);
            assertEquals(expected(KernelSpec.FORKJOIN, 1024), m.checksum());
        }
    }

    @Test
    void aBrowserThatDiesMidConfigurationIsNamedInTheReason() throws Exception {
        try (WasmEngine engine = new WasmEngine(SHORT_WARMUP.withMinimumWarmup(Duration.ofSeconds(20)).withForkTimeout(TIMEOUT.multipliedBy(4)))) {
            assertTrue(engine.probe().available());
            long pid = engine.driver().browserProcess().orElseThrow().pid();
            Set<Path> probeWorkers = BrowserCrash.workerThreads(engine.driver());
            CompletableFuture<SingleConfiguration.Result> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return SingleConfiguration.measure(engine, new Configuration("chromium", "forkjoin", null, 1024, 2), QUICK);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            // The page's driver worker and its helper have started: it is warming up (for 20 s).
            BrowserCrash.awaitWorkerThreads(engine.driver(), probeWorkers, 2);
            BrowserCrash.kill(engine.driver());
            SingleConfiguration.Result crashed = running.get();
            assertEquals(Status.FAILED, crashed.status());
            assertTrue(crashed.reason().startsWith("chromium (pid " + pid + ") died (crashed or was killed) while the page ran: "),
                    crashed.reason());
            assertTrue(crashed.reason().contains("TargetClosedError: Target page, context or browser has been closed"), crashed.reason());
            assertFalse(crashed.reason().contains("Error {"), crashed.reason());
        }
    }

    @Test
    void unknownKernelsAndVariantsFailWithAReason() throws Exception {
        SingleConfiguration.Result unknown = SingleConfiguration.measure(isolated, new Configuration("chromium", "nope", null, 10, 1), QUICK);
        assertEquals(Status.FAILED, unknown.status());
        assertTrue(unknown.reason().contains("unknown kernel 'nope'") && unknown.reason().contains("sum"), unknown.reason());

        SingleConfiguration.Result variant = SingleConfiguration.measure(isolated, new Configuration("chromium", "sort", "jdk", 10, 1), QUICK);
        assertEquals(Status.FAILED, variant.status());
        assertTrue(variant.reason().contains("no variant 'jdk'"), variant.reason());
    }

    @Test
    void aMissingBrowserIsReportedWithItsFix() {
        Path nowhere = Path.of("/nonexistent/chromium");
        try (WasmEngine engine = new WasmEngine(SHORT_WARMUP.withBrowserPath(nowhere))) {
            EngineFacts facts = engine.probe();
            assertFalse(facts.available());
            assertTrue(facts.reason().contains(nowhere.toString()), facts.reason());
            assertTrue(facts.fix().contains("--browser-path"), facts.fix());
        }
    }

    private static void assertOk(SingleConfiguration.Result m) {
        assertEquals(Status.OK, m.status(), () -> m.reason() + " " + m.notes());
    }

    /** What the reference implementation computes (checked against the native library in bench-native). */
    private static String expected(KernelSpec kernel, long size) {
        return ChecksumText.of(ReferenceChecksums.of(kernel, size, KernelSpec.DEFAULT_SEED));
    }
}
