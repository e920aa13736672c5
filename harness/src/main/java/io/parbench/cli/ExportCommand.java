package io.parbench.cli;

import io.parbench.export.ExportFormat;
import io.parbench.results.OutputFile;
import io.parbench.results.ResultsReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parbench export}: results in formats other tools read. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        header = "Results as JMH JSON, CSV or github-action-benchmark JSON, for other tools.",
        description = {
            "Writes a results document as JMH JSON (jmh), CSV with one row per sample (csv), "
                    + "or github-action-benchmark's customBiggerIsBetter JSON (benchmark-action).",
            ""
        })
public final class ExportCommand implements Callable<Integer> {

    private static final String OUT_ROLE = "the export (--out)";

    @Parameters(index = "0", paramLabel = "RESULTS.json", description = "A results document written by 'parbench run'.")
    Path results;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "jmh, csv or benchmark-action.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: stdout).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExportFormat exportFormat = UserError.whenInvalid(() -> ExportFormat.byId(format));
        if (out != null) {
            OutputFile.requireWritable(out, OUT_ROLE);
        }
        String text = exportFormat.exporter().export(ResultsReader.readMeasured(results));
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            OutputFile.write(out, text.getBytes(StandardCharsets.UTF_8), OUT_ROLE);
        }
        return ExitCodes.OK;
    }
}
