package io.parbench.cli;

import io.parbench.report.HtmlReport;
import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parbench report}: turns results documents into the HTML speedup report. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Writes the HTML speedup report for one or more results documents: one self-contained page"
                + " (charts inlined, opens offline) with the threads-in-WASM checklist, per-kernel scaling charts and"
                + " tables, failures, and the machines. Several documents are shown side by side.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS.json", description = "Results documents written by 'parbench run'.")
    List<Path> results;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the report (default: report.html beside the first results document).")
    Path out;

    @Override
    public Integer call() {
        List<RunDocument> documents = new ArrayList<>();
        for (Path file : results) {
            RunDocument document = ResultsReader.read(file);
            if (document.configurations().isEmpty()) {
                throw new UserError(file + " holds no configurations: the run measured nothing, so there is nothing to"
                        + " report. Re-run 'parbench run' and let it measure at least one configuration.");
            }
            documents.add(document);
        }
        Path target = out != null ? out : results.getFirst().toAbsolutePath().resolveSibling("report.html");
        HtmlReport.write(documents, target);
        spec.commandLine().getOut().println("Report written to " + target);
        return ExitCodes.OK;
    }
}
