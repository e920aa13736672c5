package io.parbench.engines.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.EngineOptions;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.drivers.BrowserDrivers;
import io.parbench.results.AdapterRun;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped examples of threaded libraries from npm (bench-wasm/examples: onnxruntime-web,
 * ffmpeg.wasm, tfjs-backend-wasm, wasm-vips), each in every local browser: one short
 * configuration at 2 workers. Each must compute its reference checksum (for three of them
 * computed here, in Java, from the same inputs), run the threads its library promises (tfjs: fewer
 * where the browser reports fewer than 4 cores, flagged as capped) and name its module as
 * threads-ready.
 */
class ShippedExamplesTest {

    private static final long SEED = 42;
    private static final Path EXAMPLES = Path.of("..", "bench-wasm", "target", "examples");
    /** One page per example: set-up, one step, one short iteration, the checksum. */
    private static final MeasurementSettings ONE_ITERATION = new MeasurementSettings(1, 0, 1, 1);
    /** The watchdog for one page: generous, for a busy machine (ffmpeg starts 32 workers on 1 GiB of memory). */
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(3);
    private static final int WORKERS = 2;
    /** wasm-vips has no reference here: the first browser's checksum is the others'. */
    private static final Map<String, String> FIRST_CHECKSUMS = new ConcurrentHashMap<>();

    private record Example(String folder, String kernel, long size, String reference) {}

    private static final List<Example> ALL = List.of(
            new Example("onnxruntime-web", "onnxruntime-mlp", 64, ExampleReferences.perceptron(64, SEED)),
            new Example("ffmpeg-core-mt", "ffmpeg-x264", 2, ExampleReferences.clip(2, SEED)),
            new Example("tfjs-backend-wasm", "tfjs-matmul", 64, ExampleReferences.matMul(64, SEED)),
            new Example("wasm-vips", "vips-pipeline", 128, null));

    @ParameterizedTest
    @ValueSource(strings = {"chromium", "firefox", "webkit"})
    void everyExampleComputesItsChecksumOnTheThreadsItsLibraryPromises(String browserName) throws Exception {
        BrowserEngineOptions browserOptions = BrowserEngineOptions.from(options(browserName, ALL.getFirst()))
                .withMinimumWarmup(Duration.ZERO);
        List<String> problems = new ArrayList<>();
        try (BrowserDriver browser = BrowserDrivers.create(browserOptions)) {
            for (Example example : ALL) {
                try (ByoEngine engine = new ByoEngine(options(browserName, example), browserOptions, browser)) {
                    EngineFacts facts = engine.probe();
                    assertTrue(facts.available(), facts::reason);
                    SingleConfiguration.Result m = SingleConfiguration.measure(engine,
                            new Configuration("byo", example.kernel(), null, example.size(), WORKERS), ONE_ITERATION);
                    check(example, facts.browser().hardwareConcurrency(), m, problems);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> browserName + ":\n" + String.join("\n", problems));
    }

    /** Collects what is wrong instead of stopping at the first: one broken library must not hide the others. */
    private static void check(Example example, int hardwareConcurrency, SingleConfiguration.Result m, List<String> problems) {
        String name = example.folder() + ": ";
        if (m.status() != Status.OK) {
            problems.add(name + m.status() + " — " + m.reason() + " " + m.notes());
            return;
        }
        String expected = example.reference() != null ? example.reference() : FIRST_CHECKSUMS.computeIfAbsent(example.folder(), k -> m.checksum());
        if (!expected.equals(m.checksum())) {
            problems.add(name + "checksum " + m.checksum() + ", expected " + expected);
        }
        AdapterRun run = m.adapter();
        if (run == null || run.pageThreads() == null) {
            problems.add(name + "no thread count: " + run);
            return;
        }
        // The library's own rule for W = 2: tfjs runs min(W, 8, hardwareConcurrency / 2) threads, the others W.
        int promised = example.folder().equals("tfjs-backend-wasm") ? Math.min(WORKERS, Math.max(1, hardwareConcurrency / 2)) : WORKERS;
        Integer cap = promised < WORKERS ? promised : null;
        if (!java.util.Objects.equals(cap, run.cappedAtThreads()) || run.pageThreads() < promised) {
            problems.add(name + "expected " + promised + " threads (hardwareConcurrency " + hardwareConcurrency + "), the page ran "
                    + run.pageThreads() + ", threads() said " + run.adapterThreads() + ", capped at " + run.cappedAtThreads());
        }
        boolean asynchronous = example.folder().equals("onnxruntime-web");
        if (asynchronous != (run.asyncStepFloorMicros() != null)) {
            problems.add(name + "await floor " + run.asyncStepFloorMicros() + " for a step that is " + (asynchronous ? "" : "not ") + "async");
        }
        if (run.modules().isEmpty() || !run.modules().stream().allMatch(AdapterRun.ModuleVerdict::threadsReady)) {
            problems.add(name + "modules " + run.modules());
        }
    }

    private static EngineOptions options(String browser, Example example) {
        Path adapter = EXAMPLES.resolve(example.folder()).resolve("adapter.js");
        assertTrue(Files.isRegularFile(adapter), () -> adapter.toAbsolutePath() + " is missing: build bench-wasm first");
        return new EngineOptions(SEED, browser, null, true, PAGE_TIMEOUT, adapter, Map.of());
    }

    /** tfjs caps its pool at half the cores the page reports: above that, a run is flagged, not mistaken for poor scaling. */
    @org.junit.jupiter.api.Test
    void aLibraryThatRunsFewerThreadsThanAskedForIsFlaggedAsCapped() throws Exception {
        Example tfjs = ALL.get(2);
        BrowserEngineOptions browserOptions = BrowserEngineOptions.from(options("chromium", tfjs)).withMinimumWarmup(Duration.ZERO);
        try (BrowserDriver browser = BrowserDrivers.create(browserOptions);
                ByoEngine engine = new ByoEngine(options("chromium", tfjs), browserOptions, browser)) {
            int cores = engine.probe().browser().hardwareConcurrency();
            int cap = Math.min(8, Math.max(1, cores / 2));
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("byo", tfjs.kernel(), null, tfjs.size(), cap + 1),
                    ONE_ITERATION);

            assertEquals(Status.OK, m.status(), m::reason);
            assertEquals(tfjs.reference(), m.checksum());
            assertEquals(cap, m.adapter().cappedAtThreads(), m.adapter()::toString);
            assertEquals(cap, m.adapter().adapterThreads());
            assertEquals(cap, m.adapter().pageThreads(), "the driver and the pthreads tfjs started; its 8 idle pool workers do not count");
            assertNull(m.adapter().asyncStepFloorMicros());
            assertNotNull(m.poolStartupMillis());
        }
    }
}
