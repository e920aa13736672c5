package io.parbench.cli;

import io.parbench.engines.EngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.BrowserLocator;
import io.parbench.engines.byo.ByoEngine;
import io.parbench.kernels.KernelSpec;
import io.parbench.plan.PlanBuilder;
import io.parbench.plan.Profile;
import io.parbench.plan.WorkerCounts;
import io.parbench.results.MeasurementSettings;
import io.parbench.run.EngineRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What to measure and how, shared by {@code run} and {@code compare} (a picocli mixin): the plan's
 * engines, kernels, workers and sizes, each fork's timing, and the engines' options. Each getter
 * checks its option, so bad input is refused before anything starts.
 */
public final class MeasurementOptions {

    @Option(names = "--engines", defaultValue = "all", paramLabel = "LIST", completionCandidates = EngineRegistry.Names.class,
            description = "Engines to run: ${COMPLETION-CANDIDATES} (a browser that runs only on another machine needs --webdriver-url), "
                    + "or 'all' (the built-in ones that can run here). Default: ${DEFAULT-VALUE}.")
    String engines;

    @Option(names = "--kernels", paramLabel = "LIST",
            description = "Kernels: " + KernelSpec.NAMES + ", or 'all' (all but the calibration kernels, which run only when named)."
                    + " Default: the profile's (quick: sum, nbody, sort and forkjoin; default and full: all).")
    String kernels;

    @Option(names = "--workers", paramLabel = "LIST",
            description = "Worker counts: a list (1,2,4), a range (1..8), 'auto' (1, 2, 4, … up to the cores, cores-1, and 2×cores) or 'quick'. Default: the profile's.")
    String workers;

    @Option(names = "--sizes", paramLabel = "SIZES",
            description = "One size for all kernels (65536) or kernel=size pairs (nbody=1024,sort=65536). Default: the profile's.")
    String sizes;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up iterations per fork. Default: the profile's.")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", description = "Measurement iterations per fork (compare: per side and worker count). Default: the profile's; compare: "
            + CompareCommand.ITERATIONS + ".")
    Integer iterations;

    @Option(names = "--iteration-time", paramLabel = "MS", description = "Duration of one iteration in milliseconds. Default: the profile's.")
    Long iterationTime;

    @Option(names = "--seed", defaultValue = "" + KernelSpec.DEFAULT_SEED, description = "Seed of the kernels' inputs. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--browser", defaultValue = "chromium", completionCandidates = BrowserKind.Names.class,
            description = "Browser the byo engine runs in, and for run --webdriver-url the remote browser: ${COMPLETION-CANDIDATES} "
                    + "(one that runs only on another machine needs --webdriver-url); --browser-path is this browser's. "
                    + "Default: ${DEFAULT-VALUE}.")
    String browser;

    @Option(names = "--browser-path", paramLabel = "FILE", description = "Browser executable to use instead of the one found on PATH.")
    Path browserPath;

    @Option(names = "--no-isolation", description = "Serve pages without COOP/COEP, to see what users without cross-origin isolation get.")
    boolean noIsolation;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Watchdog: longest time each fork (a JVM, a browser page) of a configuration may take. Default: automatic, "
                    + "from the fork's planned time (a minute or so more than its warm-up and iterations).")
    Long timeoutSeconds;

    @Option(names = "--adapter", paramLabel = "FILE", description = "The adapter module (adapter.js) of your own WASM, for --engines byo.")
    Path adapter;

    @Option(names = "--adapter-param", paramLabel = "KEY=VALUE",
            description = "A parameter for the byo adapter's setup() (params.KEY); repeatable. Each set is a series of its own.")
    Map<String, String> adapterParams;

    public long seed() {
        return seed;
    }

    public String sizes() {
        return sizes;
    }

    /** Whether --engines asked for every engine that can run here (unavailable ones are then skipped, not errors). */
    public boolean allEngines() {
        return EngineStartup.isAll(engines);
    }

    /**
     * The engines --engines names, checked before anything waits or starts.
     *
     * @param byoOptionsGiven whether options that only the byo engine reads were given (--adapter and the like)
     * @param byoOptionNames those options' names, for the message when byo is not among the engines
     */
    public List<String> engineNames(boolean byoOptionsGiven, String byoOptionNames) {
        List<String> names = EngineStartup.names(engines);
        if ((byoOptionsGiven || adapter != null || adapterParams != null) && !names.contains(ByoEngine.NAME)) {
            throw new UserError(byoOptionNames + " are for the byo engine: add it, e.g. --engines byo or --engines chromium,byo.");
        }
        if (names.contains(ByoEngine.NAME)) {
            UserError.whenInvalid(() -> ByoEngine.requireAdapter(adapter, "--adapter"));
        }
        return names;
    }

    public List<KernelSpec> kernels(Profile profile) {
        return kernels != null ? UserError.whenInvalid(() -> PlanBuilder.kernels(kernels)) : profile.kernels();
    }

    public String browser() {
        return browser;
    }

    /** The worker counts for this machine's cores. */
    public List<Integer> workers(Profile profile) {
        return workers(profile, Runtime.getRuntime().availableProcessors());
    }

    /** The worker counts for the cores of the machine measured (a remote browser's). */
    public List<Integer> workers(Profile profile, int cores) {
        return UserError.whenInvalid(() -> WorkerCounts.parse(workers != null ? workers : profile.workers(), cores));
    }

    /** A malformed size is an error even for a kernel not selected. */
    public void checkSizes() {
        UserError.whenInvalid(() -> PlanBuilder.checkSizes(sizes));
    }

    /** The profile's fork timing with --warmup, --iterations and --iteration-time applied, and {@code forks} forks. */
    public MeasurementSettings settings(MeasurementSettings profile, int forks) {
        MeasurementSettings s = new MeasurementSettings(forks,
                warmup != null ? warmup : profile.warmupIterations(),
                iterations != null ? iterations : profile.iterations(),
                iterationTime != null ? iterationTime : profile.iterationMillis());
        if (s.forks() < 1) {
            throw new UserError("--forks must be at least 1.");
        }
        if (s.warmupIterations() < 0 || s.iterations() < 1 || s.iterationMillis() < 1) {
            throw new UserError("--iterations and --iteration-time must be at least 1, --warmup at least 0.");
        }
        return s;
    }

    /** The engines' options as given (compare's side B), with the jvm engine's JVM options. */
    public EngineOptions engineOptions(List<String> jvmArgs) {
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new UserError("--timeout must be at least 1 second (or left out for the automatic timeout).");
        }
        if (browserPath != null && !BrowserLocator.isExecutableFile(browserPath)) {
            throw new UserError("--browser-path " + browserPath + " is not an executable file; give the browser's executable"
                    + " (for webkit, MiniBrowser's), or leave it out to use the one found on this machine.");
        }
        Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
        return new EngineOptions(seed, browser, browserPath, !noIsolation, timeout, adapter, adapterParams, null, jvmArgs);
    }
}
