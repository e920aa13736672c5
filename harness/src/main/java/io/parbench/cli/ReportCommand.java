package io.parbench.cli;

import io.parbench.report.HtmlReport;
import io.parbench.results.OutputFile;
import io.parbench.results.ResultsReader;
import io.parbench.results.RunDocument;
import io.parbench.text.Format;
import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * The most a report reads, all documents together: about 250,000 configurations as parbench
     * writes them, read in less than 512 MB of memory (above 2,000 the report summarises anyway).
     */
    static final long MAX_BYTES = 128L << 20;

    @Override
    public Integer call() {
        long bytes = 0;
        for (Path file : results) {
            bytes += Files.isRegularFile(file) ? sizeOf(file) : 0;
        }
        if (bytes > MAX_BYTES) {
            throw new UserError((results.size() == 1 ? results.getFirst() + " is " : "The documents are ") + Format.bytes(bytes)
                    + (results.size() == 1 ? "" : " together") + "; report reads at most " + Format.bytes(MAX_BYTES) + " of results (about"
                    + " 250,000 configurations). Report fewer or smaller runs, or take every sample with 'parbench export FILE --format csv'.");
        }
        List<RunDocument> documents = new ArrayList<>();
        for (Path file : results) {
            documents.add(ResultsReader.readMeasured(file));
        }
        Path target = out != null ? out : results.getFirst().toAbsolutePath().resolveSibling("report.html");
        OutputFile.requireWritable(target, "the report" + (out != null ? " (--out)" : ""));
        HtmlReport.write(documents, target);
        spec.commandLine().getOut().println("Report written to " + target);
        return ExitCodes.OK;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // unreadable: the reader says why
        }
    }
}
