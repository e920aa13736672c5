package io.parbench.results;

import java.util.List;

/**
 * The results document: everything a run measured, and the only input of analysis, report,
 * gate and export. See harness/RESULTS.md for the schema. A file may also hold derived sections
 * (the analysis, written by {@link ResultsWriter#write(RunDocument, java.util.Map, java.nio.file.Path)});
 * they are recomputed from the measurements, never read back.
 */
public record RunDocument(
        String format,
        int version,
        RunInfo run,
        Environment environment,
        List<ConfigurationResult> configurations) {

    public static final String FORMAT = "parbench-results";
    public static final int VERSION = 1;

    public RunDocument {
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }
}
