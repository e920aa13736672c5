package io.parbench.engines.byo;

import io.parbench.engines.Block;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.OwnKernel;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngine;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.PageResult;
import io.parbench.engines.browser.drivers.BrowserDrivers;
import io.parbench.results.AdapterRun;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.Status;
import io.parbench.serving.AssetRoot;
import io.parbench.serving.AssetServer;
import io.parbench.serving.ClasspathRoot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A user's threaded WebAssembly, brought through an adapter module (see
 * bench-wasm/examples/README.md), measured in a browser (--browser) exactly like the built-in
 * kernels: one fresh page per configuration and fork, warm-up, then fixed-duration iterations
 * counting {@code step()} calls, the adapter's {@code setup()} time as the pool start-up.
 *
 * <p>The adapter's folder is served at the root of the page's origin (and nothing outside it);
 * parbench's own page and driver live under the reserved {@code /__parbench/}. The kernel is
 * the adapter's {@code meta.name}. A broken adapter fails each configuration with a message
 * naming the file, the export and the JavaScript error.
 */
public final class ByoEngine extends BrowserEngine {

    public static final String NAME = "byo";
    /** The URL prefix of parbench's own files; a folder of that name in the user's folder is hidden. */
    static final String RESERVED_PREFIX = "__parbench";
    private static final String ASSETS = "io/parbench/assets/web";
    private static final String PAGE = RESERVED_PREFIX + "/byo/index.html";
    /** What a step returning nothing is recorded as: such a run is measured, but not verified. */
    static final String NO_CHECKSUM = AdapterRun.NO_CHECKSUM;

    private final Adapter adapter;
    private final Map<String, String> params;
    private final ClasspathRoot assets = new ClasspathRoot(ASSETS);
    private final ModuleVerdicts modules;
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
     * With browser options of its own and a browser driver shared with others (tests: a short
     * warm-up, one browser for many adapters); null for a driver of its own.
     */
    ByoEngine(EngineOptions engineOptions, BrowserEngineOptions browserOptions, BrowserDriver sharedDriver) {
        super(browserOptions, sharedDriver != null ? sharedDriver
                : BrowserDrivers.create(browserOptions),
                sharedDriver == null);
        this.adapter = Adapter.of(engineOptions.adapter());
        this.params = new TreeMap<>(engineOptions.adapterParams());
        this.modules = new ModuleVerdicts(adapter.folder());
    }

    /**
     * Refuses an adapter path that cannot be one, before anything waits or starts.
     *
     * @param option the option that gave it (--adapter, --baseline-adapter), for the message
     * @throws IllegalArgumentException saying what is wrong with it and what to do
     */
    public static void requireAdapter(Path path, String option) {
        Adapter.of(path, option);
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
    protected Map<String, AssetRoot> mounts() throws IOException {
        return Map.of(RESERVED_PREFIX, assets, AssetServer.ROOT_MOUNT, new AdapterFolder(adapter.folder()));
    }

    @Override
    protected String pagePath() {
        return PAGE;
    }

    @Override
    protected void served(URI origin) {
        problems = new AdapterProblems(adapter, modules, origin, options.isolation());
    }

    @Override
    protected EngineFacts missingFiles() {
        if (assets.contains("byo/driver.js") && assets.contains("main.js")) {
            return null;
        }
        return EngineFacts.unavailable(NAME, "the byo page scripts are not on the class path (" + ASSETS + ")",
                "build bench-wasm: mvn -pl bench-wasm compile");
    }

    @Override
    protected Map<String, Object> probeConfig() {
        return Map.of("adapter", adapter.urlPath());
    }

    @Override
    protected String probeFailed(PageOutcome outcome) {
        return "the byo probe page failed: " + problems.unanswered(outcome.failure()) + notesSuffix(outcome.notes());
    }

    @Override
    protected EngineFacts probed(PageResult page, Map<String, String> facts) {
        facts.put(FactKeys.ADAPTER, adapter.file().toString());
        facts.put(FactKeys.BROWSER, options.browser().id());
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
        return new EngineFacts(NAME, true, null, null, facts, browserProbe(page));
    }

    @Override
    public ForkMeasurement measure(ForkPlan fork) throws IOException {
        if (kernel == null) {
            probe();
        }
        if (kernel == null || !kernel.name().equals(fork.series().kernel())) {
            return ForkMeasurement.failed("the byo engine measures only its adapter's kernel ("
                    + (kernel == null ? "unknown: the probe failed" : kernel.name()) + "), not " + fork.series().kernel());
        }
        Map<String, Object> config = options.pageConfig(fork);
        config.put("adapter", adapter.urlPath());
        config.put("params", params);
        Map<Block, AdapterRun> findings = new HashMap<>();
        ForkMeasurement m = measurePage(config, fork, problems, answer -> findings.putAll(PageFindings.of(answer, modules)))
                .withAdapterRuns(findings);
        if (m.status() == Status.FAILED || !m.checksums().isEmpty()) {
            return m;
        }
        Map<Block, String> none = new HashMap<>();
        fork.order().forEach(block -> none.put(block, NO_CHECKSUM));
        return new ForkMeasurement(m.status(), m.reason(), m.blocks(), none, null, m.poolStartupMillis(), m.steadyAfterMillis(),
                m.mainThreadMaxGapMillis(), m.attempts(), m.notes(), m.adapterRuns()).withNotes(List.of("adapter " + adapter.file()
                        + " returns no checksum (step() returns nothing and there is no checksum() export), so its results are not verified"));
    }

    /** An adapter sets its library up for one worker count, so each gets pages of its own. */
    @Override
    public boolean measuresCurves() {
        return false;
    }

    private String variant() {
        return params.isEmpty() ? null
                : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The adapter's folder at the root, parbench's page under the reserved prefix (tests serve folders this way too). */
    static AssetServer serve(Path folder, boolean isolation) throws IOException {
        return AssetServer.start(Map.of(RESERVED_PREFIX, new ClasspathRoot(ASSETS), AssetServer.ROOT_MOUNT, new AdapterFolder(folder)),
                isolation);
    }
}
