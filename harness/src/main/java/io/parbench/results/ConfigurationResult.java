package io.parbench.results;

import java.time.Instant;
import java.util.List;

/**
 * What one configuration produced.
 *
 * @param samples steps/sec, one list per fork, one value per measurement iteration (raw, nothing dropped)
 * @param checksum the checksum the engine computed (16 lowercase hex digits), null if none
 * @param expectedChecksum the checksum every engine and worker count must reproduce
 * @param poolStartupMillis time to bring up the worker pool, where the engine measures it
 * @param mainThreadMaxGapMillis browsers only: the longest stall of the page's main thread while measuring
 * @param notes anything the engine wants people to see (console errors, warnings)
 * @param adapter byo only: the threads its page ran (and whether it was capped) and its modules' verdicts
 */
public record ConfigurationResult(
        Configuration configuration,
        Status status,
        String reason,
        List<List<Double>> samples,
        String checksum,
        String expectedChecksum,
        Double poolStartupMillis,
        Double mainThreadMaxGapMillis,
        Instant measuredAt,
        List<String> notes,
        AdapterRun adapter) {

    public ConfigurationResult(Configuration configuration, Status status, String reason, List<List<Double>> samples, String checksum,
            String expectedChecksum, Double poolStartupMillis, Double mainThreadMaxGapMillis, Instant measuredAt, List<String> notes) {
        this(configuration, status, reason, samples, checksum, expectedChecksum, poolStartupMillis, mainThreadMaxGapMillis, measuredAt,
                notes, null);
    }

    public ConfigurationResult {
        samples = samples == null ? List.of() : samples.stream().map(List::copyOf).toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
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
