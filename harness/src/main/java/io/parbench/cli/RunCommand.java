package io.parbench.cli;

import io.parbench.analysis.Analysis;
import io.parbench.analysis.Analyzer;
import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.OwnKernel;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.engines.byo.ByoEngine;
import io.parbench.kernels.KernelSpec;
import io.parbench.plan.Plan;
import io.parbench.plan.PlanBuilder;
import io.parbench.plan.Profile;
import io.parbench.plan.WorkerCounts;
import io.parbench.report.HtmlReport;
import io.parbench.report.TerminalSummary;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.ParbenchVersion;
import io.parbench.results.ResultsWriter;
import io.parbench.results.RunDocument;
import io.parbench.results.RunInfo;
import io.parbench.results.Status;
import io.parbench.run.BenchmarkRun;
import io.parbench.run.ExpectedChecksums;
import io.parbench.run.MachineFacts;
import io.parbench.run.Progress;
import io.parbench.run.RunLock;
import io.parbench.text.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parbench run}: plan, measure on every engine, write results (and the report). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sweeps worker counts for the kernels on the chosen engines and writes results.json (and report.html) to --out.")
public final class RunCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--engines", defaultValue = "all", paramLabel = "LIST",
            description = "Engines to run: jvm, native, chromium, firefox, webkit, byo, or 'all' (the built-in ones that can run here). Default: ${DEFAULT-VALUE}.")
    String engines;

    @Option(names = "--kernels", defaultValue = "all", paramLabel = "LIST",
            description = "Kernels: sum, histogram, axpy, nbody, mandelbrot, sort, forkjoin, or 'all'. Default: ${DEFAULT-VALUE}.")
    String kernels;

    @Option(names = "--profile", defaultValue = "default", paramLabel = "NAME",
            description = "quick (about a minute), default (a few minutes) or full: sizes, timing and worker counts. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--workers", paramLabel = "LIST",
            description = "Worker counts: a list (1,2,4), a range (1..8), 'auto' (1, 2, 4, … up to the cores, cores-1, and 2×cores) or 'quick'. Default: the profile's.")
    String workers;

    @Option(names = "--sizes", paramLabel = "SIZES",
            description = "One size for all kernels (65536) or kernel=size pairs (nbody=1024,sort=65536). Default: the profile's.")
    String sizes;

    @Option(names = "--forks", paramLabel = "N", description = "Fresh JVMs / browser pages per configuration. Default: the profile's.")
    Integer forks;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up iterations per fork. Default: the profile's.")
    Integer warmup;

    @Option(names = "--iterations", paramLabel = "N", description = "Measurement iterations per fork. Default: the profile's.")
    Integer iterations;

    @Option(names = "--iteration-time", paramLabel = "MS", description = "Duration of one iteration in milliseconds. Default: the profile's.")
    Long iterationTime;

    @Option(names = "--seed", defaultValue = "" + KernelSpec.DEFAULT_SEED, description = "Seed of the kernels' inputs. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", defaultValue = "reports/latest", paramLabel = "DIR",
            description = "Where results.json and report.html go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--browser", defaultValue = "chromium",
            description = "Browser the byo engine runs in (chromium, firefox or webkit), and with --webdriver-url the remote browser "
                    + "(also safari or edge); --browser-path is this browser's. Default: ${DEFAULT-VALUE}.")
    String browser;

    @Option(names = "--webdriver-url", paramLabel = "URL",
            description = "Measure --browser on another machine: a Selenium Grid hub or a WebDriver server (http://grid.example:4444). "
                    + "Sessions are created there; the results describe that machine.")
    String webDriverUrl;

    @Option(names = "--capability", paramLabel = "KEY=VALUE",
            description = "A WebDriver capability for --webdriver-url sessions, e.g. platformName=mac or browserVersion=126 (Grid routing); "
                    + "JSON for objects (goog:chromeOptions={\"args\":[\"--headless=new\"]}); repeatable.")
    Map<String, String> capabilities;

    @Option(names = "--serve-address", paramLabel = "ADDR",
            description = "With --webdriver-url: this machine's IP address the remote browser reaches, to serve the pages there over HTTPS "
                    + "(a certificate and a secret path made for the run). Default: loopback only (a WebDriver server on this machine).")
    String serveAddress;

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

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Profile chosenProfile = UserError.whenInvalid(() -> Profile.parse(profile));
        List<KernelSpec> chosenKernels = UserError.whenInvalid(() -> PlanBuilder.kernels(kernels));
        String workerCounts = workers != null ? workers : chosenProfile.workers();
        UserError.whenInvalid(() -> WorkerCounts.parse(workerCounts, Runtime.getRuntime().availableProcessors()));
        MeasurementSettings settings = settings(chosenProfile.settings());
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new UserError("--timeout must be at least 1 second (or left out for the automatic timeout).");
        }
        UserError.whenInvalid(() -> PlanBuilder.checkSizes(sizes));
        RemoteEndpoint remote = RemoteBrowserOptions.endpoint(webDriverUrl, capabilities, serveAddress, browser);
        List<String> engineNames = engineNames();
        OutputFiles.requireWritableFolder(out, "--out");
        Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
        EngineOptions options = new EngineOptions(seed, browser, browserPath, !noIsolation, timeout, adapter, adapterParams)
                .withRemote(remote);

        Map<String, Engine> ready = new LinkedHashMap<>();
        Map<String, EngineFacts> facts = new LinkedHashMap<>();
        try (RunLock lock = RunLock.acquire(err)) {
            startEngines(engineNames, options, err, ready, facts);
            // Swept up to the cores of the machine measured: a remote one's, as its browser counts them.
            Environment machine = MachineFacts.probe(facts);
            List<Integer> chosenWorkers = UserError.whenInvalid(() -> WorkerCounts.parse(workerCounts, machine.logicalCores()));
            Map<String, OwnKernel> ownKernels = EngineStartup.ownKernelsOf(ready);
            Plan plan = UserError.whenInvalid(() -> PlanBuilder.build(chosenProfile, List.copyOf(ready.keySet()), EngineStartup.variantsOf(ready),
                    chosenKernels, ownKernels, sizes, chosenWorkers, settings, seed));
            err.printf("Plan: %d configurations (%s × %s × workers %s), %d fork(s) × (%d warm-up + %d) × %d ms; about %s.%n",
                    plan.configurations().size(), String.join(",", ready.keySet()),
                    plan.configurations().stream().map(Configuration::kernel).distinct().toList(), chosenWorkers, settings.forks(),
                    settings.warmupIterations(), settings.iterations(), settings.iterationMillis(),
                    Format.duration(plan.estimate(engine -> ready.get(engine).minimumWarmup())));
            err.flush();

            Path resultsFile = out.resolve("results.json");
            RunInfo info = new RunInfo(ParbenchVersion.current(), EngineStartup.commandLine(spec), Instant.now(), null, false, seed,
                    chosenProfile.id(), settings);
            BenchmarkRun run = new BenchmarkRun(plan, ready, ExpectedChecksums.fromReference(seed),
                    info, machine, resultsFile, Progress.forStderr(plan.configurations().size()));
            Thread onInterrupt = new Thread(() -> System.err.printf(
                    "%nInterrupted: %d of %d configurations are saved in %s (marked incomplete).%n",
                    run.saved(), plan.configurations().size(), resultsFile));
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            RunDocument doc = run.execute();
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
            Analysis analysis = Analyzer.analyze(doc);
            ResultsWriter.write(doc, Map.of("analysis", analysis), resultsFile);
            Path report = out.resolve("report.html");
            HtmlReport.write(List.of(doc), report);

            spec.commandLine().getOut().print(TerminalSummary.render(analysis));
            spec.commandLine().getOut().println("Results: " + resultsFile.toAbsolutePath());
            spec.commandLine().getOut().println("Report:  " + report.toAbsolutePath());
            long failed = doc.configurations().stream().filter(c -> c.status() == Status.FAILED).count();
            if (failed > 0) {
                err.println(failed + " configuration(s) failed; their reasons are in the results and the report.");
                return ExitCodes.FAILURES;
            }
            return ExitCodes.OK;
        } finally {
            for (Engine e : ready.values()) e.close();
        }
    }

    /** The engines --engines names, checked before anything waits or starts. */
    private List<String> engineNames() {
        List<String> names = EngineStartup.names(engines);
        if (webDriverUrl != null) {
            names = RemoteBrowserOptions.engines(names, EngineStartup.isAll(engines), browser);
        }
        if ((adapter != null || adapterParams != null) && !names.contains(ByoEngine.NAME)) {
            throw new UserError("--adapter and --adapter-param are for the byo engine: add it, e.g. --engines byo or --engines chromium,byo.");
        }
        return names;
    }

    /** Creates and probes the engines asked for; with 'all', unavailable ones are skipped with a note. */
    private void startEngines(List<String> names, EngineOptions options, PrintWriter err, Map<String, Engine> ready,
            Map<String, EngineFacts> facts) throws Exception {
        // A remote browser that cannot be reached is the error itself, never skipped.
        facts.putAll(EngineStartup.start(names, options, EngineStartup.isAll(engines) && webDriverUrl == null, "", ready, err));
    }

    private MeasurementSettings settings(MeasurementSettings base) {
        MeasurementSettings s = new MeasurementSettings(
                forks != null ? forks : base.forks(),
                warmup != null ? warmup : base.warmupIterations(),
                iterations != null ? iterations : base.iterations(),
                iterationTime != null ? iterationTime : base.iterationMillis());
        if (s.forks() < 1 || s.warmupIterations() < 0 || s.iterations() < 1 || s.iterationMillis() < 1) {
            throw new UserError("--forks, --iterations and --iteration-time must be at least 1, --warmup at least 0.");
        }
        return s;
    }
}
