package io.parbench.cli;

import io.parbench.analysis.Analysis;
import io.parbench.analysis.Analyzer;
import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.OwnKernel;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.kernels.KernelSpec;
import io.parbench.plan.Plan;
import io.parbench.plan.PlanBuilder;
import io.parbench.plan.Profile;
import io.parbench.report.ForkSummary;
import io.parbench.report.HtmlReport;
import io.parbench.report.TerminalSummary;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.OutputFile;
import io.parbench.results.OutputFileException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parbench run}: plan, measure on every engine, write results (and the report). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sweeps worker counts for the kernels on the chosen engines and writes results.json (and report.html) to --out.")
public final class RunCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin MeasurementOptions measure;

    @Mixin RemoteBrowserOptions remoteBrowser;

    @Option(names = "--profile", defaultValue = "default", paramLabel = "NAME",
            description = "quick (4 kernels, small sizes: about a minute with every engine on 2 cores), default (every kernel: about 5 "
                    + "minutes with every engine on 2 cores, more with more cores) or full: kernels, sizes, timing and worker counts; the "
                    + "run prints its estimate first. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--forks", paramLabel = "N", description = "Fresh JVMs / browser pages per configuration. Default: the profile's.")
    Integer forks;

    @Option(names = "--dry-run", description = "Print the plan (its forks per engine) and its estimated time, and measure nothing.")
    boolean dryRun;

    @Option(names = "--out", defaultValue = "reports/latest", paramLabel = "DIR",
            description = "Where results.json and report.html go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Profile chosenProfile = UserError.whenInvalid(() -> Profile.parse(profile));
        List<KernelSpec> chosenKernels = measure.kernels(chosenProfile);
        measure.workers(chosenProfile); // checked now, before anything waits; swept below to the measured machine's cores
        MeasurementSettings settings = measure.settings(chosenProfile.settings(), forks != null ? forks : chosenProfile.settings().forks());
        RemoteEndpoint remote = remoteBrowser.endpoint(measure.browser());
        EngineOptions options = measure.engineOptions(List.of()).withRemote(remote);
        measure.checkSizes();
        List<String> engineNames = measure.engineNames(false, "--adapter and --adapter-param");
        if (remote != null) {
            engineNames = remoteBrowser.engines(engineNames, measure.allEngines(), measure.browser());
        }
        Path resultsFile = out.resolve("results.json");
        Path reportFile = out.resolve("report.html");
        OutputFile.requireWritable(resultsFile, "the results (--out)");
        OutputFile.requireWritable(reportFile, "the report (--out)");

        Map<String, Engine> ready = new LinkedHashMap<>();
        Map<String, EngineFacts> facts = new LinkedHashMap<>();
        try (RunLock lock = dryRun ? null : RunLock.acquire(err)) {
            // A remote browser that cannot be reached is the error itself, never skipped.
            facts.putAll(EngineStartup.start(engineNames, options, measure.allEngines() && remote == null, "", ready, err));
            // Swept up to the cores of the machine measured: a remote one's, as its browser counts them.
            Environment machine = MachineFacts.probe(facts);
            List<Integer> chosenWorkers = measure.workers(chosenProfile, machine.logicalCores());
            Map<String, OwnKernel> ownKernels = EngineStartup.ownKernelsOf(ready);
            Plan plan = UserError.whenInvalid(() -> PlanBuilder.build(chosenProfile, List.copyOf(ready.keySet()), EngineStartup.variantsOf(ready),
                    chosenKernels, ownKernels, measure.sizes(), chosenWorkers, settings, measure.seed()));
            List<ForkPlan> forks = plan.forks(engine -> ready.get(engine).measuresCurves());
            err.printf("Plan: %d configurations in %d forks (%s × %s × workers %s), %d fork(s) each × (warm-up + %d × %d ms per worker count); about %s.%n",
                    plan.configurations().size(), forks.size(), String.join(",", ready.keySet()),
                    plan.configurations().stream().map(Configuration::kernel).distinct().toList(), chosenWorkers, settings.forks(),
                    settings.iterations(), settings.iterationMillis(), Format.duration(Plan.estimate(forks, setUpOf(ready))));
            if (dryRun) {
                printForksPerEngine(forks, ready, err);
                return ExitCodes.OK;
            }
            EngineStartup.settle(ready.keySet(), remote != null, err);

            RunInfo info = new RunInfo(ParbenchVersion.current(), EngineStartup.commandLine(spec), Instant.now(), null, false, measure.seed(),
                    chosenProfile.id(), settings);
            BenchmarkRun run = new BenchmarkRun(forks, ready, ExpectedChecksums.fromReference(measure.seed()),
                    info, machine, resultsFile, Progress.forStderr(forks.size()));
            PrintWriter stdout = spec.commandLine().getOut();
            List<String> unwritten = new ArrayList<>();
            RunDocument doc;
            try (Interruption interruption = Interruption.of(run.resultsFile())) {
                doc = run.execute();
                // Measured and saved: the summary is shown whatever happens to the files written from it.
                Analysis analysis = Analyzer.analyze(doc);
                stdout.print(TerminalSummary.render(analysis, doc));
                ForkSummary.problems(doc).forEach(line -> stdout.println("forks of " + line));
                try {
                    run.resultsFile().save(doc, (complete, file) -> ResultsWriter.write(complete, Map.of("analysis", analysis), file));
                } catch (OutputFileException e) {
                    unwritten.add(e.getMessage());
                }
                stdout.println("Results: " + resultsFile.toAbsolutePath());
                try {
                    HtmlReport.write(List.of(doc), reportFile);
                    stdout.println("Report:  " + reportFile.toAbsolutePath());
                } catch (OutputFileException e) {
                    unwritten.add(e.getMessage());
                }
                stdout.flush();
            }
            long failed = doc.configurations().stream().filter(c -> c.status() == Status.FAILED).count();
            if (failed > 0) {
                err.println(failed + " configuration(s) failed; their reasons are in the results and the report.");
            }
            unwritten.forEach(message -> err.println("error: " + message));
            return failed > 0 || !unwritten.isEmpty() ? ExitCodes.FAILURES : ExitCodes.OK;
        } finally {
            for (Engine e : ready.values()) e.close();
        }
    }

    private static Function<ForkPlan, Duration> setUpOf(Map<String, Engine> engines) {
        return fork -> engines.get(fork.series().engine()).typicalSetUp(fork);
    }

    /** --dry-run: per engine, how many forks, what each measures, and the time they take. */
    private static void printForksPerEngine(List<ForkPlan> forks, Map<String, Engine> engines, PrintWriter err) {
        for (String engine : engines.keySet()) {
            List<ForkPlan> of = forks.stream().filter(f -> f.series().engine().equals(engine)).toList();
            if (of.isEmpty()) continue;
            ForkPlan first = of.getFirst();
            err.printf("  %-9s %3d forks of %d blocks (%s at W=%s), about %s%n", engine, of.size(), first.order().size(),
                    engines.get(engine).measuresCurves() ? "a curve each" : "one worker count each",
                    first.workers().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    Format.duration(Plan.estimate(of, setUpOf(engines))));
        }
        err.println("Dry run: nothing was measured.");
        err.flush();
    }
}
