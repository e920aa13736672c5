package io.parbench.cli;

import io.parbench.compare.ComparisonReplay;
import io.parbench.compare.ComparisonReport;
import io.parbench.compare.SequentialPlan;
import io.parbench.engines.AssetsFolder;
import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.OwnKernel;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.byo.ByoEngine;
import io.parbench.ffm.NativeLibrary;
import io.parbench.ffm.NativeLibraryException;
import io.parbench.gate.TerminalFormatter;
import io.parbench.kernels.KernelSpec;
import io.parbench.plan.Plan;
import io.parbench.plan.PlanBuilder;
import io.parbench.plan.Profile;
import io.parbench.report.ComparisonHtml;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonFiles;
import io.parbench.results.ComparisonSetup;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.OutputFile;
import io.parbench.results.ParbenchVersion;
import io.parbench.results.RunInfo;
import io.parbench.results.SideSetup;
import io.parbench.run.ComparisonProgress;
import io.parbench.run.ComparisonRun;
import io.parbench.run.EngineRegistry;
import io.parbench.run.ExpectedChecksums;
import io.parbench.run.MachineFacts;
import io.parbench.run.RunLock;
import io.parbench.run.SidePairing;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.GateSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parbench compare}: A against B in one job, interleaved, decided per check by paired fork-level statistics. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Did B get slower than A? Both measured in this job, in interleaved rounds, until decided or out of budget.",
        description = {
            "Side B runs the options as given; side A the same with the --baseline-... overrides. In each round every undecided "
                    + "configuration gets one fresh fork holding both sides, their blocks interleaved, where the difference lets one "
                    + "page or JVM hold both (--baseline-assets; byo adapters that declare sharesPage), else one fresh fork per side, "
                    + "in random order. Per check (throughput; speedup from 2 workers) the "
                    + "paired per-round log-ratio ln(B/A) decides: regression, no regression, or undecided. "
                    + "Each fork runs " + CompareCommand.ITERATIONS + " iterations per side and worker count unless --iterations says "
                    + "otherwise (the profile gives the sizes, worker counts, warm-up and iteration time).",
            "Exit codes: 0 no regression, 1 a regression or a failed configuration (or an undecided check with --undecided fail), "
                    + "2 bad input.",
            ""
        })
public final class CompareCommand implements Callable<Integer> {

    static final String DEFAULT_OUT = "reports/compare";
    /**
     * Iterations per side and worker count in each fork, not the profile's 3: a fork of both sides
     * costs its set-up (a browser page ~3 s) once, and its neighbouring blocks are the statistic, so
     * more of them per fork decide more within a budget. The realistic A/A plan (4 engines × nbody,
     * sum × W = 1, 2, 10 minutes, quiet) decided 19 of 24 checks with 10, against 7-13 with 3.
     */
    static final int ITERATIONS = 10;
    private static final String REPORT_ROLE = "the comparison's report";

    @Spec CommandSpec spec;

    @Option(names = "--baseline-adapter", paramLabel = "FILE", description = "Side A's adapter module (byo): the other version of your module.")
    Path baselineAdapter;

    @Option(names = "--baseline-adapter-param", paramLabel = "KEY=VALUE",
            description = "Side A's adapter parameters, replacing --adapter-param's for side A; repeatable.")
    Map<String, String> baselineAdapterParams;

    @Option(names = "--baseline-assets", paramLabel = "DIR",
            description = "Side A's native library, wasm module and page scripts: a bench-wasm build's assets folder "
                    + "(bench-wasm/target/classes/io/parbench/assets of another checkout).")
    Path baselineAssets;

    @Option(names = "--baseline-browser-path", paramLabel = "FILE", description = "Side A's browser executable (another browser version).")
    Path baselineBrowserPath;

    @Option(names = "--baseline-capability", paramLabel = "KEY=VALUE",
            description = "With --webdriver-url: side A's sessions get this capability too, replacing B's of that name "
                    + "(browserVersion=125: another browser version on a Grid); repeatable.")
    Map<String, String> baselineCapabilities;

    @Option(names = "--baseline-jvm-args", paramLabel = "ARGS", description = "Side A's options for the jvm engine's forked JVMs, e.g. '-XX:+UseSerialGC'.")
    String baselineJvmArgs;

    @Option(names = "--jvm-args", paramLabel = "ARGS", description = "Side B's options for the jvm engine's forked JVMs.")
    String jvmArgs;

    @Option(names = "--budget", defaultValue = "10m", paramLabel = "TIME",
            description = "Time the rounds may take (10m, 90s, 1h). Default: ${DEFAULT-VALUE}.")
    String budget;

    @Option(names = "--threshold", paramLabel = "[SELECTOR=]PERCENT",
            description = "Smallest slowdown that counts (default 5%%); repeatable, 'nbody@chromium=10%%' for one series.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--undecided", defaultValue = "pass", paramLabel = "pass|fail",
            description = "What a check still undecided when the budget ends does to the exit code. Default: ${DEFAULT-VALUE}.")
    String undecided;

    @Option(names = "--max-rounds", defaultValue = "" + SequentialPlan.DEFAULT_MAX_ROUNDS, paramLabel = "N",
            description = "The last look: no check gets more rounds (fewer if the budget holds fewer at the pace of the rounds before the first look). Default: ${DEFAULT-VALUE}.")
    int maxRounds;

    @Option(names = "--rerun-contended", paramLabel = "PERCENT|off",
            description = "Set aside a pair whose either side's workers waited more than PERCENT of their time for a CPU (beyond what "
                    + "W workers on fewer cores wait by themselves), and measure its configuration again in the next round. Default: off. "
                    + "With --from: the decisions the document would have given with this rule (off: without one).")
    String rerunContended;

    @Option(names = "--order-seed", paramLabel = "N", description = "Seed of the rounds' random order (default: a fresh one, recorded).")
    Long orderSeed;

    @Option(names = "--from", paramLabel = "comparison.json",
            description = "Measure nothing: recompute the decisions of a comparison document and write the outputs.")
    Path from;

    @Mixin MeasurementOptions measure;

    @Mixin RemoteBrowserOptions remoteBrowser;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "NAME",
            description = "Kernels, sizes, timing and worker counts, as for run. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--out", defaultValue = DEFAULT_OUT, paramLabel = "DIR",
            description = "Where comparison.json and report.html go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Mixin VerdictFiles verdictFiles;

    @Override
    public Integer call() throws Exception {
        GateSettings settings = GateSettings.parse(GateSettings.DEFAULT_CONFIDENCE, thresholds, List.of());
        verdictFiles.requireWritable();
        Double contentionLimit = contentionLimit();
        if (from != null) {
            ComparisonDocument recorded = ComparisonFiles.read(from);
            OutputFile.requireWritable(reportFile(), REPORT_ROLE);
            ComparisonDocument replayed = rerunContended == null ? recorded : new ComparisonDocument(recorded.format(), recorded.version(),
                    recorded.run(), recorded.environment(), recorded.setup().withRerunContended(contentionLimit), recorded.plan(),
                    recorded.rounds());
            return decide(replayed, GateSettings.parse(GateSettings.DEFAULT_CONFIDENCE, recorded.setup().thresholds(), List.of()));
        }
        if (!undecided.equals("pass") && !undecided.equals("fail")) {
            throw new UserError("--undecided '" + undecided + "': give pass or fail.");
        }
        Duration timeBudget = BudgetParser.parse(budget, "--budget");
        if (maxRounds < SequentialPlan.DEFAULT_FIRST_LOOK) {
            throw new UserError("--max-rounds " + maxRounds + " is below the first look at " + SequentialPlan.DEFAULT_FIRST_LOOK
                    + " rounds; give at least that.");
        }
        PrintWriter err = spec.commandLine().getErr();
        Profile chosenProfile = UserError.whenInvalid(() -> Profile.parse(profile));
        List<KernelSpec> chosenKernels = measure.kernels(chosenProfile);
        measure.workers(chosenProfile); // checked now, before anything waits; swept below to the measured machine's cores
        MeasurementSettings profileSettings = chosenProfile.settings();
        MeasurementSettings forkSettings = measure.settings(new MeasurementSettings(1, profileSettings.warmupIterations(), ITERATIONS,
                profileSettings.iterationMillis()), 1); // one fork per side per round
        measure.checkSizes();
        Path file = out.resolve("comparison.json");
        OutputFile.requireWritable(file, "the comparison (--out)");
        OutputFile.requireWritable(reportFile(), REPORT_ROLE + " (--out)");
        RemoteEndpoint remote = remoteBrowser.endpoint(measure.browser());
        List<String> names = measure.engineNames(baselineAdapter != null || baselineAdapterParams != null,
                "--adapter, --adapter-param and their --baseline- twins");
        if (remote != null) {
            names = remoteBrowser.engines(names, measure.allEngines(), measure.browser());
        }
        requireSelectorsIn(settings, names, chosenKernels);
        EngineOptions current = measure.engineOptions(words(jvmArgs)).withRemote(remote);
        Map<String, String> differences = new LinkedHashMap<>();
        EngineOptions baseline = baselineOptions(current, names, differences);
        if (baseline.equals(current)) {
            throw new UserError("The sides do not differ: give side A something of its own, e.g. --baseline-assets DIR, "
                    + "--baseline-adapter FILE, --baseline-browser-path FILE, --baseline-capability KEY=VALUE or --baseline-jvm-args ARGS.");
        }

        Map<ComparisonSide, Map<String, Engine>> ready = new EnumMap<>(ComparisonSide.class);
        ready.put(ComparisonSide.BASELINE, new LinkedHashMap<>());
        ready.put(ComparisonSide.CURRENT, new LinkedHashMap<>());
        Map<ComparisonSide, Map<String, EngineFacts>> facts = new EnumMap<>(ComparisonSide.class);
        Map<String, Engine> paired = new LinkedHashMap<>();
        try (RunLock lock = RunLock.acquire(err)) {
            facts.put(ComparisonSide.CURRENT, EngineStartup.start(names, current, measure.allEngines() && remote == null, " for side B",
                    ready.get(ComparisonSide.CURRENT), err));
            // Side A runs the engines side B could run: an engine missing on A only is bad input.
            facts.put(ComparisonSide.BASELINE, EngineStartup.start(List.copyOf(ready.get(ComparisonSide.CURRENT).keySet()), baseline,
                    false, " for side A", ready.get(ComparisonSide.BASELINE), err));
            Map<String, OwnKernel> ownKernels = EngineStartup.ownKernelsOf(ready.get(ComparisonSide.CURRENT));
            Map<String, OwnKernel> baselineKernels = EngineStartup.ownKernelsOf(ready.get(ComparisonSide.BASELINE));
            if (!ownKernels.equals(baselineKernels)) {
                throw new UserError("The sides differ in the plan itself: A's adapter brings " + baselineKernels + ", B's " + ownKernels
                        + "; compare two versions of the same kernel (the same meta.name and defaultSize).");
            }
            Map<String, Engine> currentEngines = ready.get(ComparisonSide.CURRENT);
            Environment machine = MachineFacts.probe(facts.get(ComparisonSide.CURRENT));
            List<Integer> chosenWorkers = measure.workers(chosenProfile, machine.logicalCores());
            Plan plan = UserError.whenInvalid(() -> PlanBuilder.build(chosenProfile, List.copyOf(currentEngines.keySet()),
                    EngineStartup.variantsOf(currentEngines), chosenKernels, ownKernels, measure.sizes(), chosenWorkers, forkSettings, measure.seed()));
            SidePairing.Decision pairing = SidePairing.decide(currentEngines.keySet(), current, baseline, differences);
            paired.putAll(pairing.paired());
            for (String name : paired.keySet()) {
                // Probed for each side's facts; from here on the engine measuring both sides runs their forks.
                for (Map<String, Engine> side : ready.values()) {
                    side.remove(name).close();
                }
            }
            long chosenOrderSeed = orderSeed != null ? orderSeed : new SecureRandom().nextLong();
            ComparisonSetup setup = new ComparisonSetup(
                    new SideSetup(ComparisonSide.BASELINE, differences, facts.get(ComparisonSide.BASELINE)),
                    new SideSetup(ComparisonSide.CURRENT, Map.of(), facts.get(ComparisonSide.CURRENT)),
                    thresholds.isEmpty() ? List.of(GateSettings.DEFAULT_THRESHOLD * 100 + "%") : thresholds, SequentialPlan.DEFAULT_ALPHA,
                    SequentialPlan.DEFAULT_FIRST_LOOK, SequentialPlan.DEFAULT_GROWTH, maxRounds, timeBudget, undecided, chosenOrderSeed,
                    pairing.pairing(), contentionLimit);
            RunInfo info = new RunInfo(ParbenchVersion.current(), EngineStartup.commandLine(spec), Instant.now(), null, false, measure.seed(),
                    chosenProfile.id(), forkSettings);
            ComparisonDocument start = new ComparisonDocument(ComparisonDocument.FORMAT, ComparisonDocument.VERSION, info,
                    machine, setup, plan.configurations(), List.of());
            ComparisonReplay decisions = new ComparisonReplay(plan.configurations(), setup, machine.logicalCores(), settings.thresholds());
            err.printf("Comparing A (%s) with B (the options as given): %d configurations, %d checks; budget %s, rounds of forks"
                            + " (warm-up, then %d x %d ms per side and worker count), order seed %d.%n",
                    differences.entrySet().stream().map(e -> "--baseline-" + e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")), plan.configurations().size(), decisions.sampling().checks().size(), budget,
                    forkSettings.iterations(), forkSettings.iterationMillis(), chosenOrderSeed);
            setup.pairing().forEach((engine, how) -> err.printf("  %s: %s%n", engine,
                    how.equals(ComparisonSetup.IN_FORK) ? "A and B in the same fork, interleaved" : how));
            EngineStartup.settle(plan.configurations().stream().map(Configuration::engine).toList(), remote != null, err);
            ComparisonRun run = new ComparisonRun(start, ready, paired, forkSettings, ExpectedChecksums.fromReference(measure.seed()), decisions, file,
                    ComparisonProgress.forStderr());
            ComparisonDocument doc;
            try (Interruption interruption = Interruption.of(run.comparisonFile())) {
                doc = run.execute();
            }
            spec.commandLine().getOut().println("Comparison: " + file.toAbsolutePath());
            return decide(doc, settings);
        } finally {
            for (Map<String, Engine> side : ready.values()) {
                for (Engine e : side.values()) e.close();
            }
            for (Engine e : paired.values()) e.close();
        }
    }

    /**
     * The decisions from the document (replayed, so a file gives what the run gave), shown, then
     * written in every format asked for; a file that cannot be written fails the command.
     */
    private int decide(ComparisonDocument doc, GateSettings settings) {
        GateReport report = ComparisonReport.of(doc, ComparisonReplay.of(doc, settings.thresholds()), settings);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(new TerminalFormatter().format(report));
        stdout.flush();
        verdictFiles.write(report);
        Path html = reportFile();
        ComparisonHtml.write(doc, report, html);
        stdout.println("Report: " + html.toAbsolutePath());
        stdout.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    /**
     * A --threshold selector naming an engine or kernel the comparison will not measure is a typo:
     * refused now, before anything waits (byo's kernel is known only once its adapter is read).
     */
    private static void requireSelectorsIn(GateSettings settings, List<String> engines, List<KernelSpec> kernels) {
        List<String> kernelIds = kernels.stream().map(KernelSpec::id).toList();
        for (var rule : settings.thresholds().rules()) {
            String engine = rule.selector().engine();
            String kernel = rule.selector().kernel();
            boolean engineUnknown = engine != null && !engines.contains(engine);
            boolean kernelUnknown = kernel != null && !engines.contains(ByoEngine.NAME) && !kernelIds.contains(kernel);
            if (engineUnknown || kernelUnknown) {
                throw new UserError("--threshold " + rule.selector() + " matches nothing this comparison measures: it measures kernels "
                        + kernelIds + " on engines " + engines + ".");
            }
        }
    }

    /** --rerun-contended as a share (0.1 for 10%), null when off or not given. */
    private Double contentionLimit() {
        if (rerunContended == null || rerunContended.equals("off")) {
            return null;
        }
        String digits = rerunContended.endsWith("%") ? rerunContended.substring(0, rerunContended.length() - 1) : rerunContended;
        double percent;
        try {
            percent = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            percent = Double.NaN;
        }
        if (!(percent > 0 && percent < 100)) {
            throw new UserError("--rerun-contended '" + rerunContended + "': give a percentage above 0 and below 100, e.g. 10%, or off.");
        }
        return percent / 100;
    }

    /** The comparison's HTML page: beside comparison.json, or beside the --from document. */
    private Path reportFile() {
        return (from != null ? from.toAbsolutePath().getParent() : out).resolve("report.html");
    }

    /** Side A's options: B's with the --baseline-... overrides, each checked before any engine starts. */
    private EngineOptions baselineOptions(EngineOptions b, List<String> names, Map<String, String> differences) {
        Path assets = null;
        if (baselineAssets != null) {
            if (!Files.isDirectory(baselineAssets)) {
                throw new UserError("--baseline-assets " + baselineAssets + " is not a folder; give a bench-wasm build's assets folder"
                        + " (bench-wasm/target/classes/io/parbench/assets of another checkout).");
            }
            List<String> using = names.stream().filter(EngineRegistry::usesAssets).toList();
            if (using.isEmpty()) {
                throw new UserError("--baseline-assets changes only the native and browser engines ("
                        + String.join(", ", BrowserKind.ids(List.of(BrowserKind.values()))) + "), and none is in --engines "
                        + String.join(",", names) + ".");
            }
            for (String engine : using) {
                EngineRegistry.missingAssets(baselineAssets, engine).ifPresent(file -> {
                    throw new UserError("--baseline-assets " + baselineAssets + " has no " + file + ", which the " + engine
                            + " engine needs; give a bench-wasm build's assets folder (bench-wasm/target/classes/io/parbench/assets).");
                });
            }
            if (using.contains("native")) {
                try {
                    NativeLibrary.requireSharedLibrary(AssetsFolder.nativeLibrary(baselineAssets));
                } catch (NativeLibraryException e) {
                    throw new UserError("--baseline-assets: " + e.getMessage(), e);
                }
            }
            assets = baselineAssets.toAbsolutePath();
            differences.put("assets", assets.toString());
        }
        Path adapterA = b.adapter();
        if (baselineAdapter != null) {
            UserError.whenInvalid(() -> ByoEngine.requireAdapter(baselineAdapter, "--baseline-adapter"));
            adapterA = baselineAdapter;
            differences.put("adapter", baselineAdapter.toString());
        }
        Map<String, String> paramsA = b.adapterParams();
        if (baselineAdapterParams != null) {
            paramsA = baselineAdapterParams;
            differences.put("adapter-param", baselineAdapterParams.toString());
        }
        Path browserA = b.browserPath();
        if (baselineBrowserPath != null) {
            if (b.remote() != null) {
                throw new UserError("--baseline-browser-path is a browser on this machine; for the remote one give side A's version as a "
                        + "capability, e.g. --baseline-capability browserVersion=125 (a Selenium Grid routes the session to it).");
            }
            if (!Files.isRegularFile(baselineBrowserPath) || !Files.isExecutable(baselineBrowserPath)) {
                throw new UserError("--baseline-browser-path " + baselineBrowserPath + " is not an executable file; give side A's browser.");
            }
            if (names.stream().noneMatch(n -> BrowserKind.find(n).isPresent() || n.equals(ByoEngine.NAME))) {
                throw new UserError("--baseline-browser-path changes only the browser engines ("
                        + String.join(", ", BrowserKind.ids(BrowserKind.locals())) + ", " + ByoEngine.NAME + "), and none is in --engines "
                        + String.join(",", names) + ".");
            }
            browserA = baselineBrowserPath;
            differences.put("browser-path", baselineBrowserPath.toString());
        }
        List<String> jvmA = b.jvmArgs();
        if (baselineJvmArgs != null) {
            if (!names.contains(EngineRegistry.JVM)) {
                throw new UserError("--baseline-jvm-args changes only the jvm engine, which is not in --engines " + String.join(",", names) + ".");
            }
            jvmA = words(baselineJvmArgs);
            differences.put("jvm-args", baselineJvmArgs);
        }
        RemoteEndpoint remoteA = b.remote();
        if (baselineCapabilities != null) {
            if (remoteA == null) {
                throw new UserError("--baseline-capability is for a browser on another machine: give its --webdriver-url too.");
            }
            remoteA = remoteA.withCapabilities(RemoteBrowserOptions.parsed(baselineCapabilities, "--baseline-capability"));
            differences.put("capability", baselineCapabilities.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        }
        return new EngineOptions(b.seed(), b.browser(), browserA, b.isolation(), b.timeout(), adapterA, paramsA, assets, jvmA, remoteA);
    }

    private static List<String> words(String args) {
        return args == null || args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
    }

}
