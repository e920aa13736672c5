package io.parbench.engines.wasm;

import io.parbench.engines.AssetsFolder;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngine;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.PageFork;
import io.parbench.engines.browser.PageResult;
import io.parbench.engines.browser.drivers.BrowserDrivers;
import io.parbench.inspect.MemoryInfo;
import io.parbench.inspect.ModuleInspector;
import io.parbench.inspect.ModuleReport;
import io.parbench.inspect.WasmFormatException;
import io.parbench.results.ComparisonSide;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.Status;
import io.parbench.serving.AssetRoot;
import io.parbench.serving.AssetServer;
import io.parbench.serving.ClasspathRoot;
import io.parbench.serving.DirectoryRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
    private static final String MODULE = "parbench.wasm";
    /** The export that lets one page measure several worker counts on one pool (pool.js usePoolWorkers). */
    private static final String RESIZE_EXPORT = "pb_pool_use_workers";
    /** Where side A's module is served in a page that measures both sides. */
    private static final String BASELINE_MOUNT = "wasm-baseline";

    private final AssetRoot web;
    private final AssetRoot wasm;
    /** Side A's module where this engine measures both sides of a comparison in each page, else null. */
    private final AssetRoot baselineWasm;
    /** Whether the modules can change their worker count between steps; null until asked. */
    private Boolean resizable;

    public WasmEngine(BrowserEngineOptions options) {
        this(options, (Path) null);
    }

    /**
     * @param assets a bench-wasm build's assets folder ({@link AssetsFolder}) whose module and page
     *     scripts to serve; null for the class path's
     * @throws UncheckedIOException when that folder has no web or wasm folder (check it first)
     */
    public WasmEngine(BrowserEngineOptions options, Path assets) {
        this(options, assets, null, BrowserDrivers.create(options), true);
    }

    /** With the class path's assets in the browser {@code driver} drives (which the engine closes): for tests. */
    WasmEngine(BrowserEngineOptions options, BrowserDriver driver) {
        this(options, null, null, driver, true);
    }

    /**
     * With the class path's assets in a browser shared with other engines, which stays open when this
     * one closes: for tests whose engines differ only in what the server sends (warm-up, timeouts;
     * isolation too, but not in WebKit, whose driver opens pages without it a window each), as
     * launching a browser costs more than most tests' pages.
     */
    static WasmEngine sharing(BrowserEngineOptions options, BrowserDriver driver) {
        return new WasmEngine(options, null, null, driver, false);
    }

    private WasmEngine(BrowserEngineOptions options, Path assets, Path baselineAssets, BrowserDriver driver, boolean ownDriver) {
        super(options, driver, ownDriver);
        try {
            this.web = assets == null ? new ClasspathRoot(ASSETS + "/web") : new DirectoryRoot(AssetsFolder.web(assets));
            this.wasm = assets == null ? new ClasspathRoot(ASSETS + "/wasm") : new DirectoryRoot(AssetsFolder.wasm(assets));
            this.baselineWasm = baselineAssets == null ? null : new DirectoryRoot(AssetsFolder.wasm(baselineAssets));
        } catch (IOException e) {
            throw new UncheckedIOException("no assets folder at " + (baselineAssets == null ? assets : baselineAssets) + ": " + e.getMessage(), e);
        }
    }

    /**
     * An engine that measures both sides of a comparison in each page: the class path's module as
     * side B and {@code baselineAssets}' as side A, each on a pool of its own, under the class path's
     * page scripts; or why it cannot.
     *
     * @return the engine, or the reason the sides need pages of their own
     */
    public static Pairing paired(BrowserEngineOptions options, Path baselineAssets) {
        WasmEngine engine = new WasmEngine(options, null, baselineAssets, BrowserDrivers.create(options), true);
        Optional<String> differs = engine.pageScriptDiffering(AssetsFolder.web(baselineAssets));
        if (differs.isPresent()) {
            engine.close();
            return new Pairing(null, "separate pages: side A's page script " + differs.get() + " differs from B's, and a page runs one set");
        }
        return new Pairing(engine, null);
    }

    /** A paired engine, or why there is none. */
    public record Pairing(WasmEngine engine, String refused) {}

    /** The first page script of this engine's that the folder has in another version (or not at all). */
    private Optional<String> pageScriptDiffering(Path folder) {
        for (String script : AssetsFolder.PAGE_SCRIPTS) {
            try (InputStream ours = web.open(List.of(script)).orElseThrow().content()) {
                Path theirs = folder.resolve(script);
                if (!Files.isRegularFile(theirs) || !Arrays.equals(ours.readAllBytes(), Files.readAllBytes(theirs))) {
                    return Optional.of(script);
                }
            } catch (IOException | java.util.NoSuchElementException e) {
                return Optional.of(script);
            }
        }
        return Optional.empty();
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
    public ForkMeasurement measure(ForkPlan fork) throws IOException {
        if (fork.series().variant() != null) {
            return ForkMeasurement.failed("the " + name() + " engine has no variant '" + fork.series().variant() + "' of "
                    + fork.series().kernel() + "; it runs the project's own C kernels only");
        }
        Map<String, Object> config = options.pageConfig(fork);
        config.put("kernel", fork.series().kernel());
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put(ComparisonSide.CURRENT.id(), "../wasm/" + MODULE);
        if (fork.sides().contains(ComparisonSide.BASELINE)) {
            if (baselineWasm == null) {
                throw new IllegalArgumentException("the " + name() + " engine measures side B only, not " + fork.order());
            }
            modules.put(ComparisonSide.BASELINE.id(), "../" + BASELINE_MOUNT + "/" + MODULE);
        }
        config.put("modules", modules);
        return measurePage(config, fork, PageFork.PLAIN);
    }

    /**
     * A module built before pools could change their worker count between steps measures one worker
     * count per page. Read from the modules themselves, not from a probe: compare's paired engine is
     * never probed, and took a page per worker count until this said so.
     */
    @Override
    public synchronized boolean measuresCurves() {
        if (resizable == null) {
            try {
                resizable = resizable(wasm) && (baselineWasm == null || resizable(baselineWasm));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return resizable;
    }

    @Override
    protected Map<String, AssetRoot> mounts() {
        return baselineWasm == null ? Map.of("web", web, "wasm", wasm) : Map.of("web", web, "wasm", wasm, BASELINE_MOUNT, baselineWasm);
    }

    @Override
    protected String pagePath() {
        return PAGE;
    }

    @Override
    protected EngineFacts missingFiles() {
        if (has(wasm, MODULE) && has(web, "index.html")) {
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
        try {
            ModuleReport report = inspect(wasm);
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

    private static boolean resizable(ModuleReport report) {
        return report.module().exports().stream().anyMatch(export -> export.name().equals(RESIZE_EXPORT));
    }

    private static boolean resizable(AssetRoot root) throws IOException {
        try {
            return resizable(inspect(root));
        } catch (WasmFormatException | NoSuchElementException e) {
            return false;
        }
    }

    /** 'parbench inspect''s report of the module under a root (NoSuchElementException: it has none). */
    private static ModuleReport inspect(AssetRoot root) throws IOException, WasmFormatException {
        try (InputStream in = root.open(List.of(MODULE)).orElseThrow().content()) {
            return ModuleInspector.inspect(MODULE, in.readAllBytes());
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
