package io.parbench.engines.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.EngineOptions;
import io.parbench.engines.OwnKernel;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.PageTimeouts;
import io.parbench.engines.browser.drivers.BrowserDrivers;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The byo engine in real headless Chromium, with the examples built by bench-wasm and hand-made broken adapters. */
class ByoEngineTest {

    /** One browser for every adapter: launching one costs more than all the pages of a test. */
    private static BrowserDriver browser;

    @BeforeAll
    static void launch() {
        browser = BrowserDrivers.create(BrowserEngineOptions.defaults());
    }

    @AfterAll
    static void shutDown() {
        browser.close();
    }

    /** Tiny on purpose: every iteration still runs at least one whole step. */
    private static final MeasurementSettings QUICK = new MeasurementSettings(1, 1, 2, 1);
    private static final long SEED = 42;
    private static final Path EXAMPLES = Path.of("..", "bench-wasm", "target", "examples");

    @Test
    void emscriptenExampleAgreesWithTheReferenceAtOneToFourWorkers() throws Exception {
        try (ByoEngine engine = engine(example("emscripten-nbody"), Map.of(), Duration.ofSeconds(60))) {
            EngineFacts facts = engine.probe();
            assertTrue(facts.available(), facts::reason);
            assertEquals(new OwnKernel("emscripten-nbody", 512), engine.ownKernel().orElseThrow());
            assertTrue(facts.browser().crossOriginIsolated());

            String reference = ChecksumText.of(ReferenceChecksums.of(KernelSpec.NBODY, 256, SEED));
            for (int workers = 1; workers <= 4; workers++) {
                SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("byo", "emscripten-nbody", null, 256, workers), QUICK);
                assertEquals(Status.OK, m.status(), m::reason);
                assertEquals(1, m.samples().size());
                assertEquals(QUICK.iterations(), m.samples().getFirst().size());
                assertTrue(m.samples().getFirst().stream().allMatch(s -> s > 0), m.samples()::toString);
                assertTrue(m.poolStartupMillis() > 0);
                assertEquals(reference, m.checksum(), "W=" + workers);
            }
        }
    }

    /** Two workers are enough here: equal checksums across worker counts are the chromium engine's tests. */
    @Test
    void parbenchsOwnModuleBehindAnAdapterAgreesWithTheReference() throws Exception {
        for (KernelSpec kernel : List.of(KernelSpec.NBODY, KernelSpec.SORT)) {
            long size = kernel == KernelSpec.NBODY ? 200 : 5000;
            try (ByoEngine engine = engine(example("parbench-module"), Map.of("kernel", kernel.id()), Duration.ofSeconds(60))) {
                assertTrue(engine.probe().available());
                SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("byo", "parbench-module", "kernel=" + kernel.id(), size, 2), QUICK);
                assertEquals(Status.OK, m.status(), m::reason);
                assertEquals(ChecksumText.of(ReferenceChecksums.of(kernel, size, SEED)), m.checksum(), kernel.id());
            }
        }
    }

    @Test
    void missingExportNamesTheAdapterAndTheExport() throws Exception {
        SingleConfiguration.Result m = measureBroken("missing-step", 1, Duration.ofSeconds(30));
        assertFailedWith(m, "missing-step/adapter.js", "does not export step (export function step())", "it exports: meta, setup, stpe");
    }

    @Test
    void anExceptionInSetupIsReportedWithItsLine() throws Exception {
        SingleConfiguration.Result m = measureBroken("setup-throws", 2, Duration.ofSeconds(30));
        assertFailedWith(m, "setup() rejected with RangeError: no input of size 8 for you", "setup-throws/adapter.js:5:");
    }

    @Test
    void aStepThatNeverReturnsIsStoppedByTheWatchdog() throws Exception {
        // A timeout the page keeps well within up to its first step, made from how long a page takes here.
        Duration onePage = PageTimeouts.timed(() -> assertEquals(Status.OK, measureBroken("folder-import", 2, Duration.ofSeconds(60)).status()));
        Duration timeout = PageTimeouts.roomFor(onePage, Duration.ZERO);
        SingleConfiguration.Result m = measureBroken("step-hangs", 2, timeout);
        assertFailedWith(m, "step-hangs/adapter.js", String.format(Locale.ROOT, "timeout of %.1f s", timeout.toMillis() / 1000.0),
                "step() never returned");
    }

    @Test
    void eachForkGetsTheWholeTimeout() throws Exception {
        // Two forks against a timeout that one fork keeps well within and two together exceed by
        // most of a minimum warm-up: made from how long one such page takes on this machine.
        Duration warmup = Duration.ofSeconds(6);
        Configuration folderImport = new Configuration("byo", "folder-import", null, 7, 1);
        Duration onePage;
        try (ByoEngine engine = engineWithWarmup(Duration.ofSeconds(60), warmup)) {
            assertTrue(engine.probe().available());
            onePage = PageTimeouts.timed(() -> assertEquals(Status.OK, SingleConfiguration.measure(engine, folderImport, new MeasurementSettings(1, 0, 2, 1)).status()));
        }
        try (ByoEngine engine = engineWithWarmup(PageTimeouts.roomFor(onePage, warmup), warmup)) {
            assertTrue(engine.probe().available());
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, folderImport, new MeasurementSettings(2, 0, 2, 1));
            assertEquals(Status.OK, m.status(), () -> m.reason() + " " + m.notes());
            assertEquals(2, m.samples().size());
        }
    }

    /** The folder-import adapter with this fork timeout and minimum warm-up, on the shared browser. */
    private static ByoEngine engineWithWarmup(Duration timeout, Duration warmup) throws URISyntaxException {
        EngineOptions options = new EngineOptions(SEED, "chromium", null, true, timeout, resource("folder-import"), Map.of());
        return new ByoEngine(options, BrowserEngineOptions.from(options).withMinimumWarmup(warmup), browser);
    }

    @Test
    void aCommonJsFileIsNotAnAdapter() throws Exception {
        SingleConfiguration.Result m = measureBroken("not-a-module", 1, Duration.ofSeconds(30));
        assertFailedWith(m, "not-a-module/adapter.js", "could not be imported: ReferenceError: module is not defined",
                "the adapter must be an ES module");
    }

    @Test
    void aModuleWithoutSharedMemoryRunsAloneUnverifiedButNotWithThreads() throws Exception {
        try (ByoEngine engine = engine(resource("not-threads-ready"), Map.of(), Duration.ofSeconds(30))) {
            assertTrue(engine.probe().available());
            SingleConfiguration.Result alone = SingleConfiguration.measure(engine, new Configuration("byo", "not-threads-ready", null, 8, 1), QUICK);
            assertEquals(Status.OK, alone.status(), alone::reason);
            assertEquals(ByoEngine.NO_CHECKSUM, alone.checksum());
            assertTrue(alone.notes().stream().anyMatch(n -> n.contains("returns no checksum")), alone.notes()::toString);

            SingleConfiguration.Result threaded = SingleConfiguration.measure(engine, new Configuration("byo", "not-threads-ready", null, 8, 2), QUICK);
            assertFailedWith(threaded, "not-threads-ready/adapter.js", "not-threads-ready/plain.wasm) has no shared memory, "
                    + "so 2 workers cannot run it", "parbench inspect says: plain.wasm is not threads-ready (memory is not shared");
        }
    }

    @Test
    void withoutIsolationSeveralWorkersFallBackToOne() throws Exception {
        EngineOptions open = new EngineOptions(SEED, "chromium", null, false, Duration.ofSeconds(30), resource("not-threads-ready"),
                Map.of());
        try (ByoEngine engine = engine(open)) {
            assertFalse(engine.probe().browser().crossOriginIsolated());
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("byo", "not-threads-ready", null, 8, 2), QUICK);
            assertEquals(Status.FALLBACK, m.status(), m::reason);
            assertTrue(m.reason().contains("measured with 1 worker instead of 2"), m.reason());
        }
    }

    @Test
    void poolWorkersCanImportTheirPackageByFolderAndParamsArriveAsAVariant() throws Exception {
        try (ByoEngine engine = engine(resource("folder-import"), Map.of("flavour", "plain"), Duration.ofSeconds(30))) {
            assertTrue(engine.probe().available());
            assertEquals(new OwnKernel("folder-import", 7), engine.ownKernel().orElseThrow());
            assertEquals(List.of("flavour=plain"), engine.variants("folder-import"));
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("byo", "folder-import", "flavour=plain", 7, 2), QUICK);
            assertEquals(Status.OK, m.status(), () -> m.reason() + " " + m.notes());
            assertEquals(ChecksumText.of(42), m.checksum());
        }
    }

    private static SingleConfiguration.Result measureBroken(String name, int workers, Duration timeout) throws Exception {
        try (ByoEngine engine = engine(resource(name), Map.of(), timeout)) {
            EngineFacts facts = engine.probe();
            assertTrue(facts.available(), facts::reason);
            return SingleConfiguration.measure(engine, new Configuration("byo", engine.ownKernel().orElseThrow().name(), null, 8, workers), QUICK);
        }
    }

    private static void assertFailedWith(SingleConfiguration.Result m, String... parts) {
        assertEquals(Status.FAILED, m.status());
        for (String part : parts) {
            assertTrue(m.reason().contains(part), () -> "'" + part + "' missing in: " + m.reason());
        }
        assertFalse(m.reason().contains("http://127.0.0.1"), () -> "URLs are shown as files: " + m.reason());
    }

    private static ByoEngine engine(Path adapter, Map<String, String> params, Duration timeout) {
        return engine(new EngineOptions(SEED, "chromium", null, true, timeout, adapter, params));
    }

    /** On the shared browser, without the 2 s warm-up per page: these tests check what pages compute, not how fast. */
    private static ByoEngine engine(EngineOptions options) {
        return new ByoEngine(options, BrowserEngineOptions.from(options).withMinimumWarmup(Duration.ZERO), browser);
    }

    private static Path example(String name) {
        Path adapter = EXAMPLES.resolve(name).resolve("adapter.js");
        assertTrue(Files.isRegularFile(adapter), () -> adapter.toAbsolutePath() + " is missing: build bench-wasm first");
        return adapter;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ByoEngineTest.class.getResource("/byo/" + name + "/adapter.js").toURI());
    }
}
