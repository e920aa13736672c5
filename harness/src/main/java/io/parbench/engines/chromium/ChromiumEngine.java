package io.parbench.engines.chromium;

import io.parbench.engines.AssetsFolder;
import io.parbench.engines.Engine;
import io.parbench.engines.Measurement;
import io.parbench.engines.browser.AssetServer;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserSession;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.AssetRoot;
import io.parbench.engines.browser.ClasspathRoot;
import io.parbench.engines.browser.DirectoryRoot;
import io.parbench.engines.browser.ErrorText;
import io.parbench.engines.browser.PageForks;
import io.parbench.engines.browser.PageResult;
import io.parbench.engines.browser.PageRun;
import io.parbench.inspect.MemoryInfo;
import io.parbench.inspect.ModuleInspector;
import io.parbench.inspect.ModuleReport;
import io.parbench.inspect.WasmFormatException;
import io.parbench.results.BrowserProbe;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The C kernels as threaded WebAssembly in a headless browser (Chromium unless the options say
 * otherwise), driven by Playwright: one browser per run, one fresh page per configuration and
 * fork. The page, its driver and helper workers are bench-wasm/src/main/js; the module is
 * bench-wasm's parbench.wasm; both are served by an {@link AssetServer}.
 *
 * <p>Without cross-origin isolation, configurations with more than one worker run on one
 * worker and are reported as {@link Status#FALLBACK} with the browser's reason. A page that
 * hangs is closed after the fork's timeout and recorded as failed with its console
 * output; a browser that crashed is relaunched for the next configuration.
 */
public final class ChromiumEngine implements Engine {

    private static final String ASSETS = "io/parbench/assets";
    private static final String PAGE = "web/index.html";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final BrowserEngineOptions options;
    private final AssetRoot web;
    private final AssetRoot wasm;
    private final BrowserSession session;
    private AssetServer server;

    public ChromiumEngine(BrowserEngineOptions options) {
        this(options, null);
    }

    /**
     * @param assets a bench-wasm build's assets folder ({@link AssetsFolder}) whose module and page
     *     scripts to serve; null for the class path's
     * @throws UncheckedIOException when that folder has no web or wasm folder (check it first)
     */
    public ChromiumEngine(BrowserEngineOptions options, Path assets) {
        this.options = options;
        this.session = new BrowserSession(options.browser(), options.browserPath());
        try {
            this.web = assets == null ? new ClasspathRoot(ASSETS + "/web") : new DirectoryRoot(AssetsFolder.web(assets));
            this.wasm = assets == null ? new ClasspathRoot(ASSETS + "/wasm") : new DirectoryRoot(AssetsFolder.wasm(assets));
        } catch (IOException e) {
            throw new UncheckedIOException("no assets folder at " + assets + ": " + e.getMessage(), e);
        }
    }

    /** Chromium found on this machine, cross-origin isolated, automatic timeouts, the default seed. */
    public ChromiumEngine() {
        this(BrowserEngineOptions.defaults());
    }

    @Override
    public Duration minimumWarmup() {
        return options.minimumWarmup();
    }

    @Override
    public String name() {
        return options.browser().id();
    }

    @Override
    public EngineFacts probe() {
        if (!has(wasm, "parbench.wasm") || !has(web, "index.html")) {
            return EngineFacts.unavailable(name(), "parbench.wasm or the page scripts are not on the class path (" + ASSETS + ")",
                    "build the C kernels and the page: mvn -pl bench-wasm compile (needs clang and lld)");
        }
        try {
            URI url = pageUrl();
            PageRun.Outcome outcome = PageRun.run(session.newContext(), url, "probe", Map.of(), PROBE_TIMEOUT);
            if (outcome.failed()) {
                return EngineFacts.unavailable(name(), "the probe page failed: " + outcome.failure() + notesSuffix(outcome.notes()),
                        "rebuild the page and module (mvn -pl bench-wasm compile); if it still fails, the console messages above say what the browser refused");
            }
            BrowserProbe probe = new PageResult(outcome.result()).browserProbe(name(), session.browser().version(), options.isolation());
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put(FactKeys.EXECUTABLE, session.executable().executable().toString());
            facts.put(FactKeys.EXECUTABLE_SOURCE, session.executable().source());
            facts.put(FactKeys.ISOLATION_SERVED, Boolean.toString(options.isolation()));
            facts.putAll(moduleFacts());
            return new EngineFacts(name(), true, null, null, facts, probe);
        } catch (BrowserUnavailableException e) {
            return EngineFacts.unavailable(name(), e.reason(), e.fix());
        } catch (IOException | RuntimeException e) {
            return EngineFacts.unavailable(name(), "could not start " + name() + ": " + ErrorText.summary(e.getMessage()),
                    "check that the browser starts headless on this machine, or pass another with --browser-path");
        }
    }

    @Override
    public Measurement measure(Configuration configuration, MeasurementSettings settings) throws IOException {
        if (configuration.variant() != null) {
            return Measurement.failed("the " + name() + " engine has no variant '" + configuration.variant() + "' of "
                    + configuration.kernel() + "; it runs the project's own C kernels only");
        }
        return PageForks.measure(session, pageUrl(), pageConfig(configuration, settings), settings, options.timeoutFor(settings),
                PageForks.PLAIN);
    }

    @Override
    public void close() {
        session.close();
        if (server != null) {
            server.close();
        }
    }

    /** The session, for tests that need to see relaunches. */
    BrowserSession session() {
        return session;
    }

    private Map<String, Object> pageConfig(Configuration configuration, MeasurementSettings settings) {
        Map<String, Object> config = options.pageConfig(configuration, settings);
        config.put("kernel", configuration.kernel());
        return config;
    }

    /** What 'parbench inspect' says of the module the pages run, for the report's checklist. */
    private Map<String, String> moduleFacts() throws IOException {
        try (InputStream in = wasm.open(List.of("parbench.wasm")).orElseThrow().content()) {
            ModuleReport report = ModuleInspector.inspect("parbench.wasm", in.readAllBytes());
            boolean shared = report.module().memories().stream().findFirst().map(MemoryInfo::shared).orElse(false);
            return Map.of(
                    FactKeys.WASM_SHARED_MEMORY, Boolean.toString(shared),
                    FactKeys.WASM_ATOMICS, Boolean.toString(report.module().instructions().atomic() > 0),
                    FactKeys.WASM_THREADS_READY, Boolean.toString(report.verdict().threadsReady()));
        } catch (WasmFormatException e) {
            return Map.of(FactKeys.WASM_THREADS_READY, "false", FactKeys.WASM_ERROR, e.getMessage());
        }
    }

    private URI pageUrl() throws IOException {
        if (server == null) {
            server = AssetServer.start(Map.of("web", web, "wasm", wasm), options.isolation());
        }
        return server.url(PAGE);
    }

    private static boolean has(AssetRoot root, String file) {
        try {
            Optional<AssetRoot.Asset> asset = root.open(List.of(file));
            asset.ifPresent(a -> close(a));
            return asset.isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static void close(AssetRoot.Asset asset) {
        try {
            asset.content().close();
        } catch (IOException e) {
            // Only probed for presence; nothing was read.
        }
    }

    private static String notesSuffix(List<String> notes) {
        return notes.isEmpty() ? "" : " (console: " + String.join(" | ", notes) + ")";
    }
}
