package io.parbench.cli;

import io.parbench.gate.JsonFormatter;
import io.parbench.gate.JunitFormatter;
import io.parbench.gate.MarkdownFormatter;
import io.parbench.verdict.GateReport;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The verdict files {@code gate} and {@code compare} can write besides the table on stdout (a picocli mixin). */
public final class VerdictFiles {

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write Markdown (a PR comment, or \"$GITHUB_STEP_SUMMARY\").")
    Path markdown;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML, one test case per check.")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the verdicts as JSON.")
    Path json;

    /** Writes each file asked for. */
    public void write(GateReport report) {
        if (markdown != null) {
            OutputFiles.write(markdown, new MarkdownFormatter().format(report), "--markdown");
        }
        if (junit != null) {
            OutputFiles.write(junit, new JunitFormatter().format(report), "--junit");
        }
        if (json != null) {
            OutputFiles.write(json, new JsonFormatter().format(report), "--json");
        }
    }
}
