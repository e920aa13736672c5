package io.parbench.engines;

import io.parbench.results.Status;
import java.util.List;

/**
 * What an engine measured for one configuration, before the runner verifies its checksum.
 *
 * @param samples steps/sec, one list per fork, one value per measurement iteration
 * @param checksum 16 lowercase hex digits, null when nothing was computed
 * @param poolStartupMillis time to bring up the worker pool, null where not measured
 * @param mainThreadMaxGapMillis browsers: the longest main-thread stall while measuring
 * @param notes console errors and warnings worth keeping
 */
public record Measurement(
        Status status,
        String reason,
        List<List<Double>> samples,
        String checksum,
        Double poolStartupMillis,
        Double mainThreadMaxGapMillis,
        List<String> notes) {

    public static Measurement ok(List<List<Double>> samples, String checksum) {
        return new Measurement(Status.OK, null, samples, checksum, null, null, List.of());
    }

    public static Measurement failed(String reason) {
        return new Measurement(Status.FAILED, reason, List.of(), null, null, null, List.of());
    }

    /** The same measurement with extra notes (e.g. console output). */
    public Measurement withNotes(List<String> more) {
        var all = new java.util.ArrayList<>(notes == null ? List.<String>of() : notes);
        all.addAll(more);
        return new Measurement(status, reason, samples, checksum, poolStartupMillis, mainThreadMaxGapMillis, all);
    }
}
