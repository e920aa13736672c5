package io.parbench.results;

import java.util.List;

/**
 * The results document: everything a run measured (its forks, and per configuration every raw
 * sample with the fork it came from), and the only input of analysis, report, gate and export. See harness/RESULTS.md for the schema. A file may also hold derived sections
 * (the analysis, written by {@link ResultsWriter#write(RunDocument, java.util.Map, java.nio.file.Path)});
 * they are recomputed from the measurements, never read back.
 */
public record RunDocument(
        String format,
        int version,
        RunInfo run,
        Environment environment,
        List<ForkRecord> forks,
        List<ConfigurationResult> configurations) {

    public static final String FORMAT = "parbench-results";
    /** Version 2 added the forks and each sample's source; version 1 documents are still read. */
    public static final int VERSION = 2;
    public static final int OLDEST_READABLE_VERSION = 1;

    public RunDocument {
        forks = forks == null ? List.of() : List.copyOf(forks);
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    /** A document of the current version without fork records (built by tests and by merges of results). */
    public RunDocument(RunInfo run, Environment environment, List<ConfigurationResult> configurations) {
        this(FORMAT, VERSION, run, environment, List.of(), configurations);
    }
}
