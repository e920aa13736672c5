package io.parbench.engines.byo;

import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.Measurement;
import io.parbench.engines.OwnKernel;
import io.parbench.engines.browser.AssetServer;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserSession;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.ClasspathRoot;
import io.parbench.engines.browser.ErrorText;
import io.parbench.engines.browser.PageForks;
import io.parbench.engines.browser.PageResult;
import io.parbench.engines.browser.PageRun;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        this(engineOptions, BrowserEngineOptions.from(engineOptions), null);
    }

    /**
     * With browser options of its own and a browser session shared with others (tests: a short
     * warm-up, one browser for many adapters); null for a session of its own.
     */
    ByoEngine(EngineOptions engineOptions, BrowserEngineOptions browserOptions, BrowserSession sharedSession) {
        this.adapter = Adapter.of(engineOptions.adapter());
        this.params = new TreeMap<>(engineOptions.adapterParams());
        this.options = browserOptions;
        this.ownSession = sharedSession == null;
        this.session = ownSession ? new BrowserSession(options.browser(), options.browserPath()) : sharedSession;
    }

    @Override
    public Duration minimumWarmup() {
        return options.minimumWarmup();
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
            PageResult page = new PageResult(outcome.result());
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put(FactKeys.ADAPTER, adapter.file().toString());
            facts.put(FactKeys.EXECUTABLE, session.executable().executable().toString());
            facts.put(FactKeys.ISOLATION_SERVED, Boolean.toString(options.isolation()));
            if ("failed".equals(page.text("status"))) {
                kernel = new OwnKernel(adapter.fallbackKernelName(), 1);
                facts.put(FactKeys.ADAPTER_PROBLEM, problems.pageFailed(page));
            } else {
                @SuppressWarnings("unchecked")
                PageResult meta = new PageResult((Map<String, Object>) page.values().get("meta"));
                kernel = new OwnKernel(meta.text("name"), meta.has("defaultSize") ? meta.number("defaultSize").longValue() : 1);
                facts.put(FactKeys.KERNEL, kernel.name());
                facts.put(FactKeys.UNIT, meta.text("unit"));
                facts.put(FactKeys.EXPORTS, page.text("exports"));
            }
            if (!params.isEmpty()) {
                facts.put(FactKeys.ADAPTER_PARAMS, variant());
            }
            return new EngineFacts(NAME, true, null, null, facts,
                    page.browserProbe(options.browser().id(), session.browser().version(), options.isolation()));
        } catch (BrowserUnavailableException e) {
            return EngineFacts.unavailable(NAME, e.reason(), e.fix());
        } catch (IOException | RuntimeException e) {
            return EngineFacts.unavailable(NAME, "could not start " + options.browser().id() + ": " + ErrorText.summary(e.getMessage()),
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
        URI page = pageUrl();
        Measurement m = PageForks.measure(session, page, pageConfig(configuration, settings), settings,
                options.timeoutFor(settings), problems);
        if (m.status() == Status.FAILED || m.checksum() != null) {
            return m;
        }
        return new Measurement(m.status(), m.reason(), m.samples(), NO_CHECKSUM, m.poolStartupMillis(), m.mainThreadMaxGapMillis(),
                m.notes()).withNotes(List.of("adapter " + adapter.file() + " returns no checksum (step() returns nothing and there "
                        + "is no checksum() export), so its results are not verified"));
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
        Map<String, Object> config = options.pageConfig(configuration, settings);
        config.put("adapter", adapter.urlPath());
        config.put("params", params);
        return config;
    }

    private URI pageUrl() throws IOException {
        if (server == null) {
            server = serve(adapter.folder(), options.isolation());
            problems = new AdapterProblems(adapter, server.url(""), options.isolation());
        }
        return server.url(PAGE);
    }

    /** The adapter's folder at the root, parbench's page under the reserved prefix. */
    static AssetServer serve(Path folder, boolean isolation) throws IOException {
        return AssetServer.start(Map.of(RESERVED_PREFIX, new ClasspathRoot(ASSETS), AssetServer.ROOT_MOUNT, new AdapterFolder(folder)),
                isolation);
    }

    private static String notesSuffix(List<String> notes) {
        return notes.isEmpty() ? "" : " (console: " + String.join(" | ", notes) + ")";
    }
}
