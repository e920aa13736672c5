package io.parbench.engines.wasm;

import io.parbench.engines.AssetsFolder;
import io.parbench.engines.Measurement;
import io.parbench.engines.browser.AssetRoot;
import io.parbench.engines.browser.AssetServer;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngine;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.ClasspathRoot;
import io.parbench.engines.browser.DirectoryRoot;
import io.parbench.engines.browser.PageForks;
import io.parbench.engines.browser.drivers.BrowserDrivers;
import io.parbench.engines.browser.PageResult;
import io.parbench.inspect.MemoryInfo;
import io.parbench.inspect.ModuleInspector;
import io.parbench.inspect.ModuleReport;
import io.parbench.inspect.WasmFormatException;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The C kernels as threaded WebAssembly in a browser; the engine is named after its browser
 * (chromium, firefox, webkit). One browser per run, one fresh page per configuration and fork.
 * The page, its driver and helper workers are bench-wasm/src/main/js; the module is bench-wasm's
 * parbench.wasm; both are served by an {@link AssetServer}.
 *
 * <p>Without cross-origin isolation, configurations with more than one worker run on one
 * worker and are reported as {@link Status#FALLBACK} with the browser's reason. A page that
 * hangs is closed after the fork's timeout and recorded as failed with its console output; a
 * browser that crashed is relaunched for the next configuration.
 */
public final class WasmEngine extends BrowserEngine {

    private static final String ASSETS = "io/parbench/assets";
    private static final String PAGE = "web/index.html";

    private final AssetRoot web;
    private final AssetRoot wasm;

    public WasmEngine(BrowserEngineOptions options) {
        this(options, (Path) null);
    }

    /**
     * @param assets a bench-wasm build's assets folder ({@link AssetsFolder}) whose module and page
     *     scripts to serve; null for the class path's
     * @throws UncheckedIOException when that folder has no web or wasm folder (check it first)
     */
    public WasmEngine(BrowserEngineOptions options, Path assets) {
        this(options, assets, BrowserDrivers.create(options));
    }

    /** With the class path's assets in the browser {@code driver} drives (which the engine closes): for tests. */
    WasmEngine(BrowserEngineOptions options, BrowserDriver driver) {
        this(options, null, driver);
    }

    private WasmEngine(BrowserEngineOptions options, Path assets, BrowserDriver driver) {
        super(options, driver, true);
        try {
            this.web = assets == null ? new ClasspathRoot(ASSETS + "/web") : new DirectoryRoot(AssetsFolder.web(assets));
            this.wasm = assets == null ? new ClasspathRoot(ASSETS + "/wasm") : new DirectoryRoot(AssetsFolder.wasm(assets));
        } catch (IOException e) {
            throw new UncheckedIOException("no assets folder at " + assets + ": " + e.getMessage(), e);
        }
    }

    /** Chromium found on this machine, cross-origin isolated, automatic timeouts, seed 42. */
    public WasmEngine() {
        this(BrowserEngineOptions.defaults());
    }

    @Override
    public String name() {
        return options.browser().id();
    }

    @Override
    public Measurement measure(Configuration configuration, MeasurementSettings settings) throws IOException {
        if (configuration.variant() != null) {
            return Measurement.failed("the " + name() + " engine has no variant '" + configuration.variant() + "' of "
                    + configuration.kernel() + "; it runs the project's own C kernels only");
        }
        Map<String, Object> config = options.pageConfig(configuration, settings);
        config.put("kernel", configuration.kernel());
        return measurePages(config, settings, PageForks.PLAIN);
    }

    @Override
    protected Map<String, AssetRoot> mounts() {
        return Map.of("web", web, "wasm", wasm);
    }

    @Override
    protected String pagePath() {
        return PAGE;
    }

    @Override
    protected EngineFacts missingFiles() {
        if (has(wasm, "parbench.wasm") && has(web, "index.html")) {
            return null;
        }
        return EngineFacts.unavailable(name(), "parbench.wasm or the page scripts are not on the class path (" + ASSETS + ")",
                "build the C kernels and the page: mvn -pl bench-wasm compile (needs clang and lld)");
    }

    @Override
    protected Map<String, Object> probeConfig() {
        return Map.of();
    }

    @Override
    protected EngineFacts probed(PageResult page, Map<String, String> facts) {
        facts.putAll(moduleFacts());
        return new EngineFacts(name(), true, null, null, facts, browserProbe(page));
    }

    /** What 'parbench inspect' says of the module the pages run, for the report's checklist. */
    private Map<String, String> moduleFacts() {
        try (InputStream in = wasm.open(List.of("parbench.wasm")).orElseThrow().content()) {
            ModuleReport report = ModuleInspector.inspect("parbench.wasm", in.readAllBytes());
            boolean shared = report.module().memories().stream().findFirst().map(MemoryInfo::shared).orElse(false);
            return Map.of(
                    FactKeys.WASM_SHARED_MEMORY, Boolean.toString(shared),
                    FactKeys.WASM_ATOMICS, Boolean.toString(report.module().instructions().atomic() > 0),
                    FactKeys.WASM_THREADS_READY, Boolean.toString(report.verdict().threadsReady()));
        } catch (WasmFormatException e) {
            return Map.of(FactKeys.WASM_THREADS_READY, "false", FactKeys.WASM_ERROR, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean has(AssetRoot root, String file) {
        try {
            Optional<AssetRoot.Asset> asset = root.open(List.of(file));
            if (asset.isPresent()) {
                asset.get().content().close();
            }
            return asset.isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
