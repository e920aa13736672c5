package io.parbench.cli;

import io.parbench.gate.Gate;
import io.parbench.gate.LabelledDocument;
import io.parbench.gate.TerminalFormatter;
import io.parbench.results.ResultsReader;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.GateSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parbench gate}: the regression gate for CI. */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        header = "The regression gate for CI: current run vs baseline, speedup floors; exit 0 pass, 1 fail, 2 bad input.",
        description = {
            "Compares a current run against a baseline: throughput and speedup at every worker count both measured. "
                    + "Checks speedup floors, and fails on failed configurations or checksum mismatches in the current run.",
            "A regression is a change that is significant at the confidence AND at least the threshold.",
            "Exit codes: 0 pass, 1 regression / floor missed / failed configuration, 2 bad input.",
            ""
        })
public final class GateCommand implements Callable<Integer> {

    @Option(names = "--baseline", paramLabel = "BASE.json", description = "Results to compare against. Optional when only floors and failures are checked.")
    Path baseline;

    @Option(names = "--current", required = true, paramLabel = "CUR.json", description = "Results of the run under test, e.g. cur/results.json.")
    Path current;

    @Option(names = "--threshold", paramLabel = "[SELECTOR=]PERCENT",
            description = {"Smallest change that counts (default 5%%). Repeatable: '8%%' for all, 'nbody@chromium=10%%' for one.",
                "SELECTOR is KERNEL[:VARIANT][@ENGINE][:WORKERS], every part optional; the narrowest match wins."})
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--min-speedup", paramLabel = "[SELECTOR=]SPEEDUP",
            description = "Speedup floor of the current run, at every worker count > 1 unless the selector names one. Repeatable: '1.2', 'nbody@chromium:2=1.6'.")
    List<String> floors = new ArrayList<>();

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL", description = "Confidence for significance (default ${DEFAULT-VALUE}).")
    double confidence;

    @Mixin VerdictFiles verdictFiles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GateSettings settings = GateSettings.parse(confidence, thresholds, floors);
        LabelledDocument base = baseline == null ? null : new LabelledDocument(baseline.toString(), ResultsReader.read(baseline));
        LabelledDocument cur = new LabelledDocument(current.toString(), ResultsReader.read(current));
        GateReport report = new Gate(settings).run(base, cur);
        verdictFiles.write(report);
        spec.commandLine().getOut().print(new TerminalFormatter().format(report));
        spec.commandLine().getOut().flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILURES;
    }
}
