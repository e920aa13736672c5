package io.parbench.cli;

import io.parbench.gate.JsonFormatter;
import io.parbench.gate.JunitFormatter;
import io.parbench.gate.MarkdownFormatter;
import io.parbench.results.OutputFile;
import io.parbench.verdict.GateReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The verdict files {@code gate} and {@code compare} can write besides the table on stdout (a picocli mixin). */
public final class VerdictFiles {

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write Markdown (a PR comment, or \"$GITHUB_STEP_SUMMARY\").")
    Path markdown;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML, one test case per check.")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the verdicts as JSON.")
    Path json;

    /** The files asked for, each with how it is written and named in messages. */
    private record Asked(Path file, String role, Function<GateReport, String> format) {}

    private Asked[] asked() {
        return new Asked[] {
            new Asked(markdown, "the Markdown verdicts (--markdown)", report -> new MarkdownFormatter().format(report)),
            new Asked(junit, "the JUnit XML (--junit)", report -> new JunitFormatter().format(report)),
            new Asked(json, "the JSON verdicts (--json)", report -> new JsonFormatter().format(report)),
        };
    }

    /** Refuses, before any work, a file asked for that cannot be written. */
    public void requireWritable() {
        for (Asked file : asked()) {
            if (file.file() != null) {
                OutputFile.requireWritable(file.file(), file.role());
            }
        }
    }

    /** Writes each file asked for. */
    public void write(GateReport report) {
        for (Asked file : asked()) {
            if (file.file() != null) {
                OutputFile.write(file.file(), file.format().apply(report).getBytes(StandardCharsets.UTF_8), file.role());
            }
        }
    }
}
