package io.parbench.results;

import io.parbench.analysis.Analysis;
import java.util.List;

/**
 * The results document: everything a run measured, and the only input of analysis, report,
 * gate and export. See harness/RESULTS.md for the schema.
 *
 * @param analysis derived from the configurations; null until analysed
 */
public record RunDocument(
        String format,
        int version,
        RunInfo run,
        Environment environment,
        List<ConfigurationResult> configurations,
        Analysis analysis) {

    public static final String FORMAT = "parbench-results";
    public static final int VERSION = 1;

    public RunDocument {
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    public RunDocument withAnalysis(Analysis newAnalysis) {
        return new RunDocument(format, version, run, environment, configurations, newAnalysis);
    }
}
