package io.parbench.analysis;

import io.parbench.results.ConfigurationResult;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns a series' configuration results into one point per worker count, saying in notes what
 * was left out and why.
 *
 * <p>At each worker count the ok results with samples make the point (pooled if the document
 * holds several); only when there are none does a fallback result make a (flagged) fallback
 * point. Failed results and results without samples are left out with a note.
 */
record SeriesPoints(SeriesKey key, List<MeasuredPoint> points, List<String> notes) {

    static SeriesPoints collect(SeriesKey key, List<ConfigurationResult> results) {
        Map<Integer, List<ConfigurationResult>> byWorkers = new TreeMap<>();
        for (ConfigurationResult result : results) {
            byWorkers.computeIfAbsent(result.configuration().workers(), w -> new ArrayList<>()).add(result);
        }
        List<MeasuredPoint> points = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        byWorkers.forEach((workers, atW) -> {
            List<ConfigurationResult> ok = select(atW, Status.OK);
            List<ConfigurationResult> fallback = select(atW, Status.FALLBACK);
            if (!ok.isEmpty()) {
                points.add(point(key, workers, ok, false, notes));
                if (!fallback.isEmpty()) {
                    notes.add("W=" + workers + " also has a fallback measurement: the regular one is used");
                }
            } else if (!fallback.isEmpty()) {
                points.add(point(key, workers, fallback, true, notes));
                notes.add("W=" + workers + " ran in fallback (single-threaded) mode: shown, but left out of"
                        + " speedup, fits, recommendation and engine ratios");
            } else {
                notes.add("W=" + workers + " " + whyNotMeasured(atW) + ": left out");
            }
        });
        return new SeriesPoints(key, points, notes);
    }

    /** Points measured with threads, i.e. everything but fallback points. */
    List<MeasuredPoint> regularPoints() {
        return points.stream().filter(Predicate.not(MeasuredPoint::fallback)).toList();
    }

    private static List<ConfigurationResult> select(List<ConfigurationResult> results, Status status) {
        return results.stream()
                .filter(r -> r.status() == status && !r.flatSamples().isEmpty())
                .toList();
    }

    private static MeasuredPoint point(
            SeriesKey key, int workers, List<ConfigurationResult> results, boolean fallback, List<String> notes) {
        if (results.size() > 1) {
            notes.add("W=" + workers + " was measured " + results.size() + " times: samples pooled");
        }
        MeasuredPoint point = MeasuredPoint.of(key, workers, results, fallback);
        if (point.samples().length == 1) {
            notes.add("W=" + workers + " has a single sample: no spread, its confidence interval is the mean itself");
        }
        return point;
    }

    private static String whyNotMeasured(List<ConfigurationResult> results) {
        return results.stream()
                .filter(r -> r.status() == Status.FAILED)
                .findFirst()
                .map(r -> "failed" + (r.reason() == null ? "" : " (" + r.reason() + ")"))
                .orElse("has no samples");
    }
}
