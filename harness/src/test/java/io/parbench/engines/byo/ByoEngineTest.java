package io.parbench.engines.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Block;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.OwnKernel;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.PageTimeouts;
import io.parbench.engines.browser.drivers.BrowserDrivers;
import io.parbench.engines.browser.firefox.FirefoxDriver;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.plan.BlockOrder;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            assertFalse(engine.measuresCurves(), "no resize(workers): a page per worker count");
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
                assertMachinePartOnly(m);
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
                // Its helpers start through the driver's Worker, so they count as the page's threads.
                assertNull(m.adapter().cappedAtThreads(), () -> "capped: " + m.notes());
                assertEachWorkerBusyWithinItsBlock(m, 2);
            }
        }
    }

    /**
     * A and B in one page (a comparison that pairs them): two instances of parbench's module, side
     * A a copy in a folder of its own (served under a prefix), at W = 2, their blocks interleaved.
     * Each side gets its own blocks, checksum, pool accounting and threads. The same page with B's
     * steps four times as long (spin=3: params only, one adapter file under two URLs) sees B at
     * about a quarter of A's rate, so the page tells the sides apart: were they one instance, or
     * their blocks filed to the wrong side, B would not be the slower one. (With spin=1, twice as
     * long, a CI run beside another test class once measured log(B/A) -0.24 against -0.69: a busy
     * machine moves A's and B's kernel parts apart; the margin is now that much wider.) The A/A
     * page is nearer to no difference than to that one (its bias within a few % is a quiet
     * machine's measurement: GATE.md). Two instances of the Emscripten example share a page the
     * same way.
     */
    @Test
    void bothSidesInOnePageAreInstancesOfTheirOwnMeasuredApart(@TempDir Path folder) throws Exception {
        Path original = example("parbench-module");
        Path copy = folder.resolve("module-a");
        Files.createDirectories(copy);
        try (var files = Files.list(original.getParent())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Map<String, String> nbody = Map.of("kernel", "nbody");
        double aa = pairedLogRatio("parbench-module", copy.resolve("adapter.js"), nbody, original, nbody);
        double slowed = pairedLogRatio("parbench-module", original, nbody, original, Map.of("kernel", "nbody", "spin", "3"));
        double emscripten = pairedLogRatio("emscripten-nbody", example("emscripten-nbody"), Map.of(), example("emscripten-nbody"), Map.of());
        System.out.printf(Locale.ROOT, "byo A and B in one page, W = 2, median log(B/A): A/A %+.3f, B with spin=3 %+.3f (log 0.25 = -1.386);"
                + " Emscripten A/A %+.3f%n", aa, slowed, emscripten);
        assertTrue(slowed < Math.log(0.75), () -> "B's steps take four times as long: median log(B/A) " + slowed);
        assertTrue(Math.abs(aa) < Math.abs(slowed) / 2, () -> "A/A in one page: median log(B/A) " + aa + ", against " + slowed + " for spin=3");
    }

    /**
     * An adapter that exports resize(workers) measures a whole curve in one page: set up at the
     * largest W, each block on its own W (its stats() has that many workers), each W's checksum
     * the reference's. (One without it keeps a page per worker count: the Emscripten example's test.)
     */
    @Test
    void anAdapterThatResizesMeasuresTheWholeCurveInOnePage() throws Exception {
        try (ByoEngine engine = engine(example("parbench-module"), Map.of("kernel", "nbody"), Duration.ofSeconds(60))) {
            assertTrue(engine.probe().available());
            assertTrue(engine.measuresCurves());
            long size = 256;
            List<Block> order = BlockOrder.balanced(List.of(ComparisonSide.CURRENT), List.of(1, 2, 3), 2, new Random(SEED));
            ForkMeasurement m = engine.measure(new ForkPlan(new SeriesKey("byo", "parbench-module", "kernel=nbody", size), order,
                    new MeasurementSettings(1, 0, 2, 20)));
            assertEquals(Status.OK, m.status(), () -> m.reason() + " " + m.notes());
            assertEquals(order, m.blocks().stream().map(ForkMeasurement.MeasuredBlock::block).toList());
            String reference = ChecksumText.of(ReferenceChecksums.of(KernelSpec.NBODY, size, SEED));
            for (int workers = 1; workers <= 3; workers++) {
                Block point = new Block(ComparisonSide.CURRENT, workers);
                assertEquals(reference, m.checksums().get(point), point::toString);
                assertNull(m.adapterRuns().get(point).cappedAtThreads(), m.adapterRuns()::toString);
            }
            for (ForkMeasurement.MeasuredBlock block : m.blocks()) {
                assertEquals(block.block().workers(), block.accounting().pool().workers().size(), block::toString);
            }
        }
    }

    /** An adapter that does not declare it can share a page keeps pages of its own, and says why. */
    @Test
    void anAdapterThatDoesNotDeclareItSharesAPageIsNotPaired() throws Exception {
        Path adapter = resource("async-step");
        EngineOptions options = new EngineOptions(SEED, "chromium", null, true, Duration.ofSeconds(30), adapter, Map.of());
        EngineOptions other = new EngineOptions(SEED, "chromium", null, true, Duration.ofSeconds(30), adapter, Map.of("other", "1"));
        ByoEngine.Pairing pairing = ByoEngine.paired(options, other,
                BrowserEngineOptions.from(options).withMinimumWarmup(Duration.ZERO), browser);
        assertNull(pairing.engine());
        assertTrue(pairing.refused().startsWith("separate pages: side A's " + adapter.toRealPath() + " and side B's "), pairing.refused());
        assertTrue(pairing.refused().contains("export const sharesPage = true"), pairing.refused());
    }

    /**
     * One page of both sides at W = 2, blocks in the balanced order a comparison draws: each side's
     * blocks, checksum (the reference's), pool accounting (parbench's module only: the Emscripten
     * example has no stats()) and threads; the median over the page's passes of log(B / A).
     */
    private static double pairedLogRatio(String kernel, Path adapterA, Map<String, String> paramsA, Path adapterB,
            Map<String, String> paramsB) throws Exception {
        EngineOptions b = new EngineOptions(SEED, "chromium", null, true, Duration.ofSeconds(60), adapterB, paramsB);
        EngineOptions a = new EngineOptions(SEED, "chromium", null, true, Duration.ofSeconds(60), adapterA, paramsA);
        ByoEngine.Pairing pairing = ByoEngine.paired(b, a, BrowserEngineOptions.from(b).withMinimumWarmup(Duration.ZERO), browser);
        assertNotNull(pairing.engine(), pairing::refused);
        try (ByoEngine engine = pairing.engine()) {
            int passes = 16; // 50 ms blocks: cheap beside the page's set-up, and the median of 16 passes moves little under load
            List<Block> order = BlockOrder.balanced(List.of(ComparisonSide.BASELINE, ComparisonSide.CURRENT), List.of(2), passes,
                    new Random(SEED));
            long size = 256;
            ForkPlan fork = new ForkPlan(new SeriesKey("byo", kernel, engine.variants(kernel).getFirst(), size),
                    order, new MeasurementSettings(1, 0, passes, 50));
            ForkMeasurement m = engine.measure(fork);
            assertEquals(Status.OK, m.status(), () -> m.reason() + " " + m.notes());
            assertEquals(order, m.blocks().stream().map(ForkMeasurement.MeasuredBlock::block).toList());
            String reference = ChecksumText.of(ReferenceChecksums.of(KernelSpec.NBODY, size, SEED));
            boolean withStats = kernel.equals("parbench-module"); // the emscripten example has no stats()
            Map<ComparisonSide, double[]> logs = new EnumMap<>(ComparisonSide.class);
            for (ComparisonSide side : List.of(ComparisonSide.BASELINE, ComparisonSide.CURRENT)) {
                Block point = new Block(side, 2);
                assertEquals(reference, m.checksums().get(point), side::toString);
                assertNull(m.adapterRuns().get(point).cappedAtThreads(), () -> side + " capped: " + m.adapterRuns());
                assertEquals(2, m.adapterRuns().get(point).pageThreads(), () -> side + ": the driver and its own pool's helper, not the other side's");
                logs.put(side, m.blocks().stream().filter(block -> block.block().equals(point))
                        .peek(block -> assertEquals(withStats ? 2 : null, block.accounting().pool() == null ? null
                                : block.accounting().pool().workers().size(), block.accounting()::toString))
                        .mapToDouble(block -> Math.log(block.stepsPerSecond())).toArray());
            }
            // Each pass holds one block of each side: the median of the passes' log(B / A), which a disturbed block moves little.
            double[] ratios = new double[passes];
            for (int pass = 0; pass < passes; pass++) {
                ratios[pass] = logs.get(ComparisonSide.CURRENT)[pass] - logs.get(ComparisonSide.BASELINE)[pass];
            }
            Arrays.sort(ratios);
            return (ratios[(passes - 1) / 2] + ratios[passes / 2]) / 2;
        }
    }

    /** A scheduler's time slice or two: how far a busy machine may stretch a stats() call around a block. */
    private static final long STATS_CALL_SLACK_NS = 50_000_000;

    /** An adapter's stats() is each block's pool accounting: a busy time per worker, inside the block's wall time. */
    private static void assertEachWorkerBusyWithinItsBlock(SingleConfiguration.Result m, int workers) {
        for (ForkMeasurement fork : m.forks()) {
            for (ForkMeasurement.MeasuredBlock block : fork.blocks()) {
                PointAccounting accounting = block.accounting();
                assertEquals("adapter", accounting.pool().source(), accounting::toString);
                assertEquals(workers, accounting.pool().workers().size(), accounting::toString);
                // Worker 0 runs the steps; a helper may have got no CPU in a short block on a busy machine.
                assertTrue(accounting.pool().workers().getFirst().busyNs() > 0, accounting::toString);
                for (PoolAccounting.WorkerTimes worker : accounting.pool().workers()) {
                    // stats() is called right around the timed loop, so its window is the block's and what
                    // the thread waited for a CPU between them (CI: 4.2 ms busy in a 2.2 ms block, the
                    // thread 1.9 ms in the run queue); never the fork's whole time (its warm-up alone: 300 ms or
                    // more), which a missing reset gives.
                    assertTrue(worker.busyNs() >= 0 && worker.busyNs() <= accounting.wallNs() + STATS_CALL_SLACK_NS, accounting::toString);
                }
            }
        }
    }

    /**
     * An adapter without stats() (the example has none): each block's accounting holds only what
     * the machine gave the page's worker threads (RESULTS.md: "only the machine's part is shown";
     * in blocks of 1 ms the sampler may have seen none of them run, and says so).
     */
    private static void assertMachinePartOnly(SingleConfiguration.Result m) {
        for (ForkMeasurement fork : m.forks()) {
            for (ForkMeasurement.MeasuredBlock block : fork.blocks()) {
                PointAccounting accounting = block.accounting();
                assertNull(accounting.pool(), "no stats(), no pool part");
                assertNotNull(accounting.machine(), "the machine's part was taken: " + accounting);
            }
        }
    }

    @Test
    void missingExportNamesTheAdapterAndTheExport() throws Exception {
        SingleConfiguration.Result m = measureBroken("missing-step", 1, Duration.ofSeconds(30));
        assertFailedWith(m, "missing-step/adapter.js", "does not export step (export function step())", "it exports: meta, setup, stpe");
    }

    /** NaN is a number, equal in every configuration that returns it: recorded, with a note that it verifies nothing. */
    @Test
    void aStepThatReturnsNaNIsNotedAsNoChecksum() throws Exception {
        SingleConfiguration.Result m = measureBroken("step-returns-nan", 2, Duration.ofSeconds(30));
        assertEquals(Status.OK, m.status(), m::reason);
        assertTrue(m.notes().contains("step() returned NaN: not a checksum, so the results are not verified"), m.notes().toString());
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

    /** Firefox's safety net for pages stuck in set-up covers byo's set-up too: a setup() that never finishes is tried three times. */
    @Test
    void aSetupThatNeverFinishesInFirefoxIsTriedAgainInAFreshFirefox() throws Exception {
        EngineOptions options = new EngineOptions(SEED, "firefox", null, true, Duration.ofSeconds(4), resource("setup-hangs"), Map.of());
        try (ByoEngine engine = new ByoEngine(options, BrowserEngineOptions.from(options).withMinimumWarmup(Duration.ZERO), null)) {
            assertTrue(engine.probe().available());
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("byo", "setup-hangs", null, 8, 2), QUICK);
            assertFailedWith(m, "setup-hangs/adapter.js", "phase 'setup()'", "setup() never finished");
            assertEquals(3, m.forks().getFirst().attempts(), m.notes()::toString);
            assertEquals(2, m.notes().stream().filter(n -> n.contains(FirefoxDriver.RETRY_NOTE + " (phase 'setup()')")).count(),
                    m.notes()::toString);
        }
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

    /** An adapter's stats() is each block's pool accounting; an answer outside the contract fails, naming stats(). */
    @Test
    void anAdaptersStatsAreEachBlocksPoolAccounting() throws Exception {
        SingleConfiguration.Result m = measureBroken("busy-stats", 1, Duration.ofSeconds(30));
        assertEquals(Status.OK, m.status(), m::reason);
        assertEachWorkerBusyWithinItsBlock(m, 1);
        for (ForkMeasurement fork : m.forks()) {
            assertEquals(fork.blocks().size(), fork.intervals().size(), "every block says when it ran");
            for (ForkMeasurement.MeasuredBlock block : fork.blocks()) {
                assertEquals(1, block.accounting().blocks());
                assertTrue(block.accounting().steps() > 0, block.accounting()::toString);
                assertTrue(block.interval().endEpochNs() > block.interval().startEpochNs(), block.interval()::toString);
            }
        }
        try (ByoEngine engine = engine(resource("busy-stats"), Map.of("answer", "wrong"), Duration.ofSeconds(30))) {
            assertTrue(engine.probe().available());
            SingleConfiguration.Result wrong = SingleConfiguration.measure(engine,
                    new Configuration("byo", "busy-stats", "answer=wrong", 8, 1), QUICK);
            assertFailedWith(wrong, "stats() returned {\"busyMs\":", "it must return {busyMs: [...]}");
        }
    }

    @Test
    void anAsyncStepIsAwaitedWithItsOverheadShown() throws Exception {
        try (ByoEngine engine = engine(resource("async-step"), Map.of(), Duration.ofSeconds(30))) {
            assertTrue(engine.probe().available());
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("byo", "async-step", null, 1, 2), QUICK);

            assertEquals(Status.OK, m.status(), m::reason);
            assertEquals(ChecksumText.of(42), m.checksum(), "the value the last step resolved to");
            assertTrue(m.samples().getFirst().stream().allMatch(s -> s > 0), m.samples()::toString);
            Double floor = m.adapter().asyncStepFloorMicros();
            assertNotNull(floor, "an async step has its await floor measured");
            assertTrue(floor > 0 && floor < 1e6 / m.samples().getFirst().getFirst() * 2, () -> floor + " µs per step");
            assertEquals(1, m.adapter().adapterThreads());
            assertEquals(1, m.adapter().cappedAtThreads(), "threads() said 1 of the 2 workers asked for");
        }
    }

    @Test
    void aStepThatIsAsyncOnlySometimesIsRefused() throws Exception {
        SingleConfiguration.Result m = measureBroken("sometimes-async", 1, Duration.ofSeconds(30));
        assertFailedWith(m, "sometimes-async/adapter.js", "step() returned a Promise the first time and a value now");
    }

    @Test
    void aBareImportSaysWhatToDoInstead() throws Exception {
        SingleConfiguration.Result m = measureBroken("bare-import", 1, Duration.ofSeconds(30));
        assertFailedWith(m, "bare-import/adapter.js: could not be imported: TypeError: ",
                "It imports '@tensorflow/tfjs-core' (", "bare-import/adapter.js:2) by package name",
                "import maps do not apply", "relative path", "npx esbuild src/adapter.js --bundle --format=esm --outfile=adapter.js");
        assertFalse(m.reason().contains(".. "), () -> "one full stop at a time: " + m.reason());
    }

    /** The wasm-vips example's module, with a step that gives libvips a buffer that is no image: a C++ exception. */
    @Test
    void aCppExceptionIsUnwrappedIntoItsTypeAndMessage(@TempDir Path folder) throws Exception {
        Path vips = example("wasm-vips").getParent();
        for (String file : List.of("vips-es6.js", "vips.wasm")) {
            Files.copy(vips.resolve(file), folder.resolve(file));
        }
        Files.writeString(folder.resolve("adapter.js"), """
                import Vips from './vips-es6.js';
                export const meta = { name: 'vips-throws' };
                let vips;
                export async function setup() { vips = await Vips({ dynamicLibraries: [] }); }
                export function step() { return vips.Image.newFromBuffer(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])).width; }
                """);
        SingleConfiguration.Result m = measure(folder.resolve("adapter.js"), 1);
        assertFailedWith(m, "step() threw vips::Error: unable to load from buffer; VipsForeignLoad: buffer is not in a known format "
                + "(a C++ exception, thrown as a WebAssembly.Exception)");
        assertFalse(m.reason().contains("[object WebAssembly.Exception]"), m::reason);
    }

    /** A load beyond the module's memory: the browser's message, what usually causes it, and where in which module. */
    @Test
    void aTrapNamesItsUsualCauseAndWhereInTheModuleItHappened(@TempDir Path folder) throws Exception {
        // (module (memory (export "memory") 1 1)
        //   (func (export "read_far") (param i32) (result i32) local.get 0 i32.load offset=65536))
        Files.write(folder.resolve("trap.wasm"), new byte[] {
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
            0x05, 0x04, 0x01, 0x01, 0x01, 0x01, 0x07, 0x15, 0x02, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x08, 0x72,
            0x65, 0x61, 0x64, 0x5f, 0x66, 0x61, 0x72, 0x00, 0x00, 0x0a, 0x0b, 0x01, 0x09, 0x00, 0x20, 0x00, 0x28, 0x02, (byte) 0x80,
            (byte) 0x80, 0x04, 0x0b});
        Files.writeString(folder.resolve("adapter.js"), """
                export const meta = { name: 'trap' };
                let wasm;
                export async function setup() {
                  wasm = (await WebAssembly.instantiateStreaming(fetch(new URL('./trap.wasm', import.meta.url)))).instance.exports;
                }
                export function step() { return wasm.read_far(8); }
                """);
        SingleConfiguration.Result m = measure(folder.resolve("adapter.js"), 1);
        assertFailedWith(m, "step() threw RuntimeError: ", "the module read or wrote outside its memory",
                "(at " + folder.resolve("trap.wasm") + ":wasm-function[0]:0x");
    }

    @Test
    void theThreadsVerdictNamesTheModuleThePageInstantiatedAtAnyDepth(@TempDir Path folder) throws Exception {
        Path deep = Files.createDirectories(folder.resolve("node_modules/@scope/lib/dist/esm/wasm/release"));
        Files.copy(resource("not-threads-ready").resolveSibling("plain.wasm"), deep.resolve("plain.wasm"));
        Files.writeString(folder.resolve("adapter.js"), Files.readString(resource("not-threads-ready"))
                .replace("'plain.wasm'", "'./node_modules/@scope/lib/dist/esm/wasm/release/plain.wasm'"));
        SingleConfiguration.Result m = measure(folder.resolve("adapter.js"), 2);
        assertFailedWith(m, "has no shared memory, so 2 workers cannot run it", "parbench inspect says: "
                + "node_modules/@scope/lib/dist/esm/wasm/release/plain.wasm is not threads-ready (memory is not shared");
    }

    private static SingleConfiguration.Result measure(Path adapter, int workers) throws Exception {
        return measure(adapter, workers, Duration.ofSeconds(60));
    }

    private static SingleConfiguration.Result measureBroken(String name, int workers, Duration timeout) throws Exception {
        return measure(resource(name), workers, timeout);
    }

    private static SingleConfiguration.Result measure(Path adapter, int workers, Duration timeout) throws Exception {
        try (ByoEngine engine = engine(adapter, Map.of(), timeout)) {
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
