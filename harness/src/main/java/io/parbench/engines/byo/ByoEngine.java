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
import io.parbench.results.ComparisonSide;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.Status;
import io.parbench.serving.AssetRoot;
import io.parbench.serving.AssetServer;
import io.parbench.serving.ClasspathRoot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A user's threaded WebAssembly, brought through an adapter module (see
 * bench-wasm/examples/README.md), measured in a browser (--browser) exactly like the built-in
 * kernels: one fresh page per configuration and fork (per curve and fork for an adapter that
 * exports {@code resize(workers)}), warm-up, then fixed-duration iterations counting {@code step()}
 * calls, the adapter's {@code setup()} time as the pool start-up.
 *
 * <p>The adapter's folder is served at the root of the page's origin (and nothing outside it);
 * parbench's own page and driver live under the reserved {@code /__parbench/}. The kernel is
 * the adapter's {@code meta.name}. A broken adapter fails each configuration with a message
 * naming the file, the export and the JavaScript error.
 *
 * <p>In a comparison whose sides differ only in the adapter or its params, one engine may measure
 * both sides in each page ({@link #paired}): both adapters imported, each under a URL of its own
 * (so each is an instance of its own), each set up with its own params, their blocks interleaved.
 * Only adapters that declare they can share a page ({@code export const sharesPage = true}) are
 * paired. Side A's folder, when it is not B's, is served under {@value #BASELINE_MOUNT}.
 */
public final class ByoEngine extends BrowserEngine {

    public static final String NAME = "byo";
    /** The URL prefix of parbench's own files; a folder of that name in the user's folder is hidden. */
    static final String RESERVED_PREFIX = "__parbench";
    private static final String ASSETS = "io/parbench/assets/web";
    private static final String PAGE = RESERVED_PREFIX + "/byo/index.html";
    /** What a step returning nothing is recorded as: such a run is measured, but not verified. */
    static final String NO_CHECKSUM = AdapterRun.NO_CHECKSUM;
    /** Where side A's folder is served in a page of both sides, when it is not side B's folder. */
    static final String BASELINE_MOUNT = RESERVED_PREFIX + "-baseline";
    /** The query parameter that gives each side's adapter a URL, and so a module instance, of its own. */
    static final String SIDE_PARAMETER = "parbench-side";

    private final Adapter adapter;
    private final Map<String, String> params;
    /** Side A's adapter and params where this engine measures both sides of a comparison in each page, else null. */
    private final Adapter baselineAdapter;
    private final Map<String, String> baselineParams;
    /** Per side, whether its adapter declares it can share a page with another (the probe's answer). */
    private Map<String, Object> sharesPage = Map.of();
    /** Whether every side's adapter exports resize(workers), so that a page measures a whole curve (the probe's answer). */
    private boolean resizes;
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
     * With browser options of its own and a browser driver shared with others, which stays open
     * when this engine closes (tests: a short warm-up, one browser for many adapters); null for a
     * driver of its own.
     */
    public ByoEngine(EngineOptions engineOptions, BrowserEngineOptions browserOptions, BrowserDriver sharedDriver) {
        this(engineOptions, null, browserOptions, sharedDriver);
    }

    /** As above, measuring side A ({@code baseline}'s adapter and params) beside side B in each page when baseline is not null. */
    private ByoEngine(EngineOptions engineOptions, EngineOptions baseline, BrowserEngineOptions browserOptions, BrowserDriver sharedDriver) {
        super(browserOptions, sharedDriver != null ? sharedDriver
                : BrowserDrivers.create(browserOptions),
                sharedDriver == null);
        this.adapter = Adapter.of(engineOptions.adapter());
        this.params = new TreeMap<>(engineOptions.adapterParams());
        this.modules = new ModuleVerdicts(adapter.folder());
        this.baselineAdapter = baseline == null ? null : Adapter.of(baseline.adapter(), "--baseline-adapter");
        this.baselineParams = baseline == null ? null : new TreeMap<>(baseline.adapterParams());
    }

    /**
     * An engine that measures both sides of a comparison in each page: {@code current}'s adapter
     * and params as side B, {@code baseline}'s as side A; or why it cannot. It probes a page that
     * imports both: both adapters must load side by side and declare they can share a page.
     *
     * @return the engine, or the reason the sides need pages of their own
     */
    public static Pairing paired(EngineOptions current, EngineOptions baseline) {
        return paired(current, baseline, BrowserEngineOptions.from(current), null);
    }

    /** As above, with browser options of its own and a shared browser driver (tests), or null for a driver of its own. */
    static Pairing paired(EngineOptions current, EngineOptions baseline, BrowserEngineOptions browserOptions, BrowserDriver sharedDriver) {
        ByoEngine engine = new ByoEngine(current, baseline, browserOptions, sharedDriver);
        EngineFacts facts = engine.probe();
        String refused = !facts.available() ? "separate pages: a page of both sides' adapters failed: " + facts.reason()
                : facts.facts().containsKey(FactKeys.ADAPTER_PROBLEM)
                        ? "separate pages: a page of both sides' adapters failed: " + facts.facts().get(FactKeys.ADAPTER_PROBLEM)
                        : engine.notSharing();
        if (refused != null) {
            engine.close();
            return new Pairing(null, refused);
        }
        return new Pairing(engine, null);
    }

    /** A paired engine, or why there is none. */
    public record Pairing(ByoEngine engine, String refused) {}

    /** Why the probed sides cannot share a page (an adapter that does not declare it can), or null when they can. */
    private String notSharing() {
        List<String> undeclared = new ArrayList<>();
        if (!Boolean.TRUE.equals(sharesPage.get(ComparisonSide.BASELINE.id()))) {
            undeclared.add("side A's " + baselineAdapter.file());
        }
        if (!Boolean.TRUE.equals(sharesPage.get(ComparisonSide.CURRENT.id()))) {
            undeclared.add("side B's " + adapter.file());
        }
        if (undeclared.isEmpty()) {
            return null;
        }
        String declares = undeclared.size() == 1 ? " does not declare that it can" : " do not declare that they can";
        return "separate pages: " + String.join(" and ", undeclared) + declares + " share a page with another adapter"
                + " (export const sharesPage = true; bench-wasm/examples/README.md, \"A and B in one page\")";
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
        Map<String, AssetRoot> mounts = new HashMap<>(Map.of(RESERVED_PREFIX, assets, AssetServer.ROOT_MOUNT, new AdapterFolder(adapter.folder())));
        if (baselineAdapter != null && !sharesFolder()) {
            mounts.put(BASELINE_MOUNT, new AdapterFolder(baselineAdapter.folder()));
        }
        return mounts;
    }

    private boolean sharesFolder() {
        return baselineAdapter.folder().equals(adapter.folder());
    }

    /** The URL path side A's folder is served under. */
    private String baselinePrefix() {
        return sharesFolder() ? "/" : "/" + BASELINE_MOUNT + "/";
    }

    /** Each side's adapter URL path: in a page of one side as it is, in a page of both each side's its own (one module instance per URL). */
    private Map<String, String> adapterUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        if (baselineAdapter == null) {
            urls.put(ComparisonSide.CURRENT.id(), adapter.urlPath());
            return urls;
        }
        urls.put(ComparisonSide.BASELINE.id(), baselinePrefix() + baselineAdapter.urlPath().substring(1) + "?" + SIDE_PARAMETER + "="
                + ComparisonSide.BASELINE.id());
        urls.put(ComparisonSide.CURRENT.id(), adapter.urlPath() + "?" + SIDE_PARAMETER + "=" + ComparisonSide.CURRENT.id());
        return urls;
    }

    @Override
    protected String pagePath() {
        return PAGE;
    }

    @Override
    protected void served(URI origin) {
        problems = baselineAdapter == null ? new AdapterProblems(adapter, modules, origin, options.isolation())
                : new AdapterProblems(adapter, modules, origin, options.isolation(), baselineAdapter, baselinePrefix());
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
        return Map.of("adapters", adapterUrls());
    }

    @Override
    protected String probeFailed(PageOutcome outcome) {
        return "the byo probe page failed: " + problems.unanswered(outcome.failure()) + notesSuffix(outcome.notes());
    }

    @Override
    protected EngineFacts probed(PageResult page, Map<String, String> facts) {
        facts.put(FactKeys.ADAPTER, adapter.file().toString());
        facts.put(FactKeys.BROWSER, options.browser().id());
        if (page.reportsFailure()) {
            kernel = new OwnKernel(adapter.fallbackKernelName(), 1);
            facts.put(FactKeys.ADAPTER_PROBLEM, problems.pageFailed(page));
        } else {
            @SuppressWarnings("unchecked")
            PageResult meta = new PageResult((Map<String, Object>) page.values().get("meta"));
            kernel = new OwnKernel(meta.text("name"), meta.has("defaultSize") ? meta.number("defaultSize").longValue() : 1);
            facts.put(FactKeys.KERNEL, kernel.name());
            facts.put(FactKeys.UNIT, meta.text("unit"));
            facts.put(FactKeys.EXPORTS, page.text("exports"));
            @SuppressWarnings("unchecked")
            Map<String, Object> declared = (Map<String, Object>) page.values().get("sharesPage");
            sharesPage = declared == null ? Map.of() : declared;
            @SuppressWarnings("unchecked")
            Map<String, Object> resizable = (Map<String, Object>) page.values().get("resizes");
            resizes = resizable != null && !resizable.isEmpty() && resizable.values().stream().allMatch(Boolean.TRUE::equals);
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
        if (fork.sides().contains(ComparisonSide.BASELINE) && baselineAdapter == null) {
            throw new IllegalArgumentException("the byo engine measures side B only, not " + fork.order());
        }
        Map<String, String> urls = adapterUrls();
        Map<String, Object> sideParams = new LinkedHashMap<>();
        sideParams.put(ComparisonSide.CURRENT.id(), params);
        if (baselineAdapter != null) {
            sideParams.put(ComparisonSide.BASELINE.id(), baselineParams);
        }
        Map<String, Object> config = options.pageConfig(fork);
        config.put("adapters", urls);
        config.put("params", sideParams);
        Map<Block, AdapterRun> findings = new HashMap<>();
        ForkMeasurement m = measurePage(config, fork, problems, answer -> findings.putAll(PageFindings.of(answer, modules)))
                .withAdapterRuns(findings);
        if (m.status() == Status.FAILED) {
            return m;
        }
        List<ComparisonSide> unverified = fork.order().stream().filter(block -> !m.checksums().containsKey(block)).map(Block::side)
                .distinct().toList();
        if (unverified.isEmpty()) {
            return m;
        }
        Map<Block, String> checksums = new HashMap<>(m.checksums());
        fork.order().forEach(block -> checksums.putIfAbsent(block, NO_CHECKSUM));
        return new ForkMeasurement(m.status(), m.reason(), m.blocks(), checksums, null, m.poolStartupMillis(), m.steadyAfterMillis(),
                m.mainThreadMaxGapMillis(), m.attempts(), m.notes(), m.adapterRuns()).withNotes(unverified.stream().map(side -> "adapter "
                        + (side == ComparisonSide.BASELINE ? baselineAdapter : adapter).file() + " returns no checksum (step() returns nothing"
                        + " and there is no checksum() export), so its results are not verified").toList());
    }

    /**
     * An adapter sets its library up for one worker count, so each gets pages of its own; one that
     * exports resize(workers) (every side's, in a page of both) is set up at the largest and
     * measures the whole curve in each page.
     */
    @Override
    public boolean measuresCurves() {
        return resizes;
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
