package io.parbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What one configuration produced.
 *
 * @param samples steps/sec, one list per fork, one value per measurement iteration (raw, nothing dropped)
 * @param sources for each list of samples, its fork and the samples' positions in it; empty in
 *     documents of version 1, where every list of samples is a fork of its own
 * @param checksum the checksum the engine computed (16 lowercase hex digits), null if none
 * @param expectedChecksum the checksum every engine and worker count must reproduce
 * @param poolStartupMillis time to bring up the worker pool, where the engine measures it
 * @param mainThreadMaxGapMillis browsers only: the longest stall of the page's main thread while measuring
 * @param notes anything the engine wants people to see (console errors, warnings)
 * @param adapter byo only: the threads its page ran (and whether it was capped) and its modules' verdicts
 * @param accounting for each list of samples, where its blocks' time went (null where the engine
 *     took none); empty when no list has any
 */
public record ConfigurationResult(
        Configuration configuration,
        Status status,
        String reason,
        List<List<Double>> samples,
        List<SampleSource> sources,
        String checksum,
        String expectedChecksum,
        Double poolStartupMillis,
        Double mainThreadMaxGapMillis,
        Instant measuredAt,
        List<String> notes,
        AdapterRun adapter,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PointAccounting> accounting) {

    public ConfigurationResult {
        samples = samples == null ? List.of() : samples.stream().map(List::copyOf).toList();
        sources = sources == null ? List.of() : List.copyOf(sources);
        notes = notes == null ? List.of() : List.copyOf(notes);
        // An unmodifiable copy that keeps the nulls of lists without accounting.
        accounting = accounting == null || accounting.stream().allMatch(Objects::isNull)
                ? List.of() : Collections.unmodifiableList(new ArrayList<>(accounting));
    }

    /** A result without accounting. */
    public ConfigurationResult(Configuration configuration, Status status, String reason, List<List<Double>> samples,
            List<SampleSource> sources, String checksum, String expectedChecksum, Double poolStartupMillis, Double mainThreadMaxGapMillis,
            Instant measuredAt, List<String> notes, AdapterRun adapter) {
        this(configuration, status, reason, samples, sources, checksum, expectedChecksum, poolStartupMillis, mainThreadMaxGapMillis,
                measuredAt, notes, adapter, List.of());
    }

    /** A result of an engine other than byo. */
    public ConfigurationResult(Configuration configuration, Status status, String reason, List<List<Double>> samples,
            List<SampleSource> sources, String checksum, String expectedChecksum, Double poolStartupMillis, Double mainThreadMaxGapMillis,
            Instant measuredAt, List<String> notes) {
        this(configuration, status, reason, samples, sources, checksum, expectedChecksum, poolStartupMillis, mainThreadMaxGapMillis,
                measuredAt, notes, null);
    }

    /** A result without sample sources: each list of samples a fork of its own (as in version 1 documents). */
    public ConfigurationResult(Configuration configuration, Status status, String reason, List<List<Double>> samples, String checksum,
            String expectedChecksum, Double poolStartupMillis, Double mainThreadMaxGapMillis, Instant measuredAt, List<String> notes) {
        this(configuration, status, reason, samples, List.of(), checksum, expectedChecksum, poolStartupMillis, mainThreadMaxGapMillis,
                measuredAt, notes);
    }

    /**
     * The fork each list of samples came from: its {@link SampleSource#fork} where the document
     * records it, else a number of its own (version 1: every list a separate fork).
     */
    public int forkOf(int index) {
        return sources.size() == samples.size() ? sources.get(index).fork() : -1 - index;
    }

    /** The thread count a byo page was capped at (it ran fewer threads than workers asked for), or null. */
    public Integer cappedAtThreads() {
        return adapter == null ? null : adapter.cappedAtThreads();
    }

    /** All samples, fork by fork, in one list. */
    public List<Double> flatSamples() {
        return samples.stream().flatMap(List::stream).toList();
    }
}
