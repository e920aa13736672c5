package io.parbench.results;

import java.time.Instant;
import java.util.List;

/**
 * One fork of a run: a fresh page or JVM, the unit of replication, that measured worker counts of
 * one series (the whole curve where its engine can) in a balanced order. Configurations name it
 * for each of their samples ({@link SampleSource}).
 *
 * @param id 1, 2, … in the order the forks ran
 * @param workers the worker counts it was to measure
 * @param status ok; fallback (threads unavailable: every block ran on one worker); failed (see
 *     the reason; what it measured before is kept)
 * @param blocksPlanned blocks in its order (one measurement iteration each)
 * @param blocksMeasured blocks it measured: fewer than planned when it failed
 * @param poolStartupMillis how long its worker pool took to start, where measured
 * @param steadyAfterMillis how long it warmed up until its iterations were steady (browser pages)
 * @param mainThreadMaxGapMillis browsers: the longest stall of the page's main thread while measuring
 * @param attempts pages or processes it took: more than 1 when a page was tried again before it
 *     measured anything (stuck in set-up, or its window not opened; each retry is in the notes)
 * @param notes console errors and warnings, retries, and what else people should see
 */
public record ForkRecord(
        int id,
        SeriesKey series,
        List<Integer> workers,
        Status status,
        String reason,
        int blocksPlanned,
        int blocksMeasured,
        Double poolStartupMillis,
        Double steadyAfterMillis,
        Double mainThreadMaxGapMillis,
        int attempts,
        Instant started,
        List<String> notes) {

    public ForkRecord {
        workers = workers == null ? List.of() : List.copyOf(workers);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Pages or processes tried again after they got stuck before measuring. */
    public int retries() {
        return Math.max(0, attempts - 1);
    }
}
