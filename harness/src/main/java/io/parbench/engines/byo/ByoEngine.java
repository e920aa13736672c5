package io.parbench.engines.byo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.Measurement;
import io.parbench.engines.OwnKernel;
import io.parbench.engines.browser.AssetServer;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.BrowserSession;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.ClasspathRoot;
import io.parbench.engines.browser.ErrorText;
import io.parbench.engines.browser.PageRun;
import io.parbench.results.BrowserProbe;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A user's threaded WebAssembly, brought through an adapter module (see
 * bench-wasm/examples/README.md), measured in a headless browser exactly like the built-in
 * kernels: one fresh page per configuration and fork, warm-up, then fixed-duration iterations
 * counting {@code step()} calls, the adapter's {@code setup()} time as the pool start-up.
 *
 * <p>The adapter's folder is served at the root of the page's origin (and nothing outside it);
 * parbench's own page and driver live under the reserved {@code /__parbench/}. The kernel is
 * the adapter's {@code meta.name}. A broken adapter fails each configuration with a message
 * naming the file, the export and the JavaScript error.
 */
public final class ByoEngine implements Engine {

    public static final String NAME = "byo";
    /** The URL prefix of parbench's own files; a folder of that name in the user's folder is hidden. */
    static final String RESERVED_PREFIX = "__parbench";
    private static final String ASSETS = "io/parbench/assets/web";
    private static final String PAGE = RESERVED_PREFIX + "/byo/index.html";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    /** What a step returning nothing is recorded as: such a run is measured, but not verified. */
    static final String NO_CHECKSUM = "none";

    private final Adapter adapter;
    private final Map<String, String> params;
    private final BrowserEngineOptions options;
    private final ClasspathRoot assets = new ClasspathRoot(ASSETS);
    private final BrowserSession session;
    private final boolean ownSession;
    private AssetServer server;
    private AdapterProblems problems;
    private OwnKernel kernel;

    /**
     * @throws IllegalArgumentException when the adapter is not given, missing or not a file (a
     *     message for the command line)
     */
    public ByoEngine(EngineOptions engineOptions) {
        this(engineOptions, null);
    }

    /** With a browser session shared with others (tests: one browser for many adapters); null for its own. */
    ByoEngine(EngineOptions engineOptions, BrowserSession sharedSession) {
        this.adapter = Adapter.of(engineOptions.adapter());
        this.params = new TreeMap<>(engineOptions.adapterParams());
        this.options = BrowserEngineOptions.defaults()
                .withBrowser(BrowserKind.parse(engineOptions.browser()))
                .withBrowserPath(engineOptions.browserPath())
                .withIsolation(engineOptions.isolation())
                .withConfigurationTimeout(engineOptions.timeout());
        this.ownSession = sharedSession == null;
        this.session = ownSession ? new BrowserSession(options.browser(), options.browserPath()) : sharedSession;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The adapter's kernel, known after {@link #probe()}: its meta.name and meta.defaultSize (else 1);
     * for an adapter whose meta cannot be read, its folder's name (its configurations then fail
     * with the reason).
     */
    @Override
    public Optional<OwnKernel> ownKernel() {
        return Optional.ofNullable(kernel);
    }

    /** The adapter parameters (--adapter-param) as the variant, so each set is a series of its own. */
    @Override
    public List<String> variants(String kernelName) {
        return Collections.singletonList(variant());
    }

    @Override
    public EngineFacts probe() {
        if (!assets.contains("byo/driver.js") || !assets.contains("main.js")) {
            return EngineFacts.unavailable(NAME, "the byo page scripts are not on the class path (" + ASSETS + ")",
                    "build bench-wasm: mvn -pl bench-wasm compile");
        }
        try {
            URI url = pageUrl();
            PageRun.Outcome outcome = PageRun.run(session.newContext(), url, "probe", Map.of("adapter", adapter.urlPath()), PROBE_TIMEOUT);
            if (outcome.failed()) {
                return EngineFacts.unavailable(NAME, "the byo probe page failed: " + problems.unanswered(outcome.failure())
                        + notesSuffix(outcome.notes()), "run 'parbench doctor' to check the browser");
            }
            Map<String, Object> page = outcome.result();
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("adapter", adapter.file().toString());
            facts.put("executable", session.executable().executable().toString());
            facts.put("isolationServed", Boolean.toString(options.isolation()));
            if ("failed".equals(page.get("status"))) {
                kernel = new OwnKernel(adapter.fallbackKernelName(), 1);
                facts.put("adapterProblem", problems.reported(page));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> meta = (Map<String, Object>) page.get("meta");
                Object defaultSize = meta.get("defaultSize");
                kernel = new OwnKernel(meta.get("name").toString(), defaultSize instanceof Number n ? n.longValue() : 1);
                facts.put("kernel", kernel.name());
                facts.put("unit", String.valueOf(meta.get("unit")));
                facts.put("exports", String.valueOf(page.get("exports")));
            }
            if (!params.isEmpty()) {
                facts.put("adapterParams", variant());
            }
            return new EngineFacts(NAME, true, null, null, facts, browserProbe(session.browser().version(), page));
        } catch (BrowserUnavailableException e) {
            return EngineFacts.unavailable(NAME, e.reason(), e.fix());
        } catch (IOException | RuntimeException e) {
            return EngineFacts.unavailable(NAME, "could not start " + options.browser().id() + ": " + ErrorText.firstLine(e.getMessage()),
                    "check that the browser starts headless on this machine, or pass another with --browser-path");
        }
    }

    @Override
    public Measurement measure(Configuration configuration, MeasurementSettings settings) throws IOException {
        if (kernel == null) {
            probe();
        }
        if (kernel == null || !kernel.name().equals(configuration.kernel())) {
            return Measurement.failed("the byo engine measures only its adapter's kernel ("
                    + (kernel == null ? "unknown: the probe failed" : kernel.name()) + "), not " + configuration.kernel());
        }
        // Only page time counts against the timeout: (re)launching the browser is not the configuration's fault.
        Duration timeLeft = options.timeoutFor(settings);
        URI url = pageUrl();
        Map<String, Object> config = pageConfig(configuration, settings);
        List<List<Double>> samples = new ArrayList<>();
        List<Double> startups = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        Set<String> checksums = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        String fallbackReason = null;
        for (int fork = 1; fork <= settings.forks(); fork++) {
            BrowserContext context;
            try {
                context = session.newContext();
            } catch (BrowserUnavailableException e) {
                return Measurement.failed(e.reason() + "; " + e.fix()).withNotes(notes);
            } catch (PlaywrightException e) {
                return Measurement.failed("could not (re)launch " + options.browser().id() + ": " + ErrorText.firstLine(e.getMessage()))
                        .withNotes(notes);
            }
            long started = System.nanoTime();
            PageRun.Outcome outcome = PageRun.run(context, url, "run", config, timeLeft);
            timeLeft = timeLeft.minusNanos(System.nanoTime() - started);
            String prefix = settings.forks() > 1 ? "fork " + fork + ": " : "";
            outcome.notes().forEach(note -> notes.add(prefix + problems.files(note)));
            if (outcome.failed()) {
                return Measurement.failed(prefix + problems.unanswered(outcome.failure())).withNotes(notes);
            }
            Map<String, Object> page = outcome.result();
            if ("failed".equals(page.get("status"))) {
                return Measurement.failed(prefix + problems.reported(page)).withNotes(notes);
            }
            if ("fallback".equals(page.get("status"))) {
                fallbackReason = String.valueOf(page.get("reason"));
            }
            if (page.get("notes") instanceof List<?> adapterNotes) {
                adapterNotes.forEach(note -> notes.add(prefix + "adapter " + adapter.file() + ": " + problems.files(note.toString())));
            }
            samples.add(((List<?>) page.get("samples")).stream().map(v -> ((Number) v).doubleValue()).toList());
            checksums.add(page.get("checksum") == null ? NO_CHECKSUM : page.get("checksum").toString());
            startups.add(((Number) page.get("poolStartupMs")).doubleValue());
            if (page.get("mainThreadMaxGapMs") instanceof Number gap) {
                gaps.add(gap.doubleValue());
            }
        }
        if (checksums.size() > 1) {
            return Measurement.failed("adapter " + adapter.file() + ": the forks computed different checksums: "
                    + String.join(", ", checksums)).withNotes(notes);
        }
        String checksum = checksums.iterator().next();
        if (checksum.equals(NO_CHECKSUM)) {
            notes.add("adapter " + adapter.file() + " returns no checksum (step() returns nothing and there is no checksum() "
                    + "export): its results are not verified");
        }
        return new Measurement(fallbackReason == null ? Status.OK : Status.FALLBACK, fallbackReason, samples, checksum,
                median(startups), gaps.stream().max(Double::compare).orElse(null), notes);
    }

    @Override
    public void close() {
        if (ownSession) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String variant() {
        return params.isEmpty() ? null
                : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private Map<String, Object> pageConfig(Configuration configuration, MeasurementSettings settings) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("adapter", adapter.urlPath());
        // 64-bit values travel as decimal strings: JS numbers hold only 53 bits.
        config.put("size", Long.toString(configuration.size()));
        config.put("seed", Long.toUnsignedString(options.seed()));
        config.put("workers", configuration.workers());
        config.put("params", params);
        config.put("warmupIterations", settings.warmupIterations());
        config.put("iterations", settings.iterations());
        config.put("iterationMillis", (double) settings.iterationMillis()); // Playwright passes no Long
        return config;
    }

    private URI pageUrl() throws IOException {
        if (server == null) {
            server = serve(adapter.folder(), options.isolation());
            problems = new AdapterProblems(adapter, server.url(""));
        }
        return server.url(PAGE);
    }

    /** The adapter's folder at the root, parbench's page under the reserved prefix. */
    static AssetServer serve(Path folder, boolean isolation) throws IOException {
        return AssetServer.start(Map.of(RESERVED_PREFIX, new ClasspathRoot(ASSETS), AssetServer.ROOT_MOUNT, new AdapterFolder(folder)),
                isolation);
    }

    private BrowserProbe browserProbe(String version, Map<String, Object> page) {
        return new BrowserProbe(options.browser().id(), version, (String) page.get("userAgent"),
                ((Number) page.get("hardwareConcurrency")).intValue(), options.isolation(),
                Boolean.TRUE.equals(page.get("crossOriginIsolated")), Boolean.TRUE.equals(page.get("sharedArrayBuffer")),
                ((Number) page.get("timerResolutionMs")).doubleValue(), Boolean.TRUE.equals(page.get("wasmThreads")),
                (String) page.get("wasmThreadsError"));
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String notesSuffix(List<String> notes) {
        return notes.isEmpty() ? "" : " (console: " + String.join(" | ", notes) + ")";
    }
}
