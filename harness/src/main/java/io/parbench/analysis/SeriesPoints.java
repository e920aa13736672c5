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
record SeriesPoints(SeriesKey key, List<MeasuredPoint> points, List<SeriesNote> notes) {

    static SeriesPoints collect(SeriesKey key, List<ConfigurationResult> results) {
        Map<Integer, List<ConfigurationResult>> byWorkers = new TreeMap<>();
        for (ConfigurationResult result : results) {
            byWorkers.computeIfAbsent(result.configuration().workers(), w -> new ArrayList<>()).add(result);
        }
        List<MeasuredPoint> points = new ArrayList<>();
        List<SeriesNote> notes = new ArrayList<>();
        byWorkers.forEach((workers, atW) -> {
            List<ConfigurationResult> ok = select(atW, Status.OK);
            List<ConfigurationResult> fallback = select(atW, Status.FALLBACK);
            if (!ok.isEmpty()) {
                points.add(point(key, workers, ok, false, notes));
                if (!fallback.isEmpty()) {
                    notes.add(SeriesNote.at(SeriesNote.Kind.FALLBACK_BESIDE_REGULAR, workers));
                }
            } else if (!fallback.isEmpty()) {
                points.add(point(key, workers, fallback, true, notes));
                notes.add(SeriesNote.at(SeriesNote.Kind.FALLBACK_POINT, workers));
            } else {
                notes.add(whyNotMeasured(workers, atW));
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
            SeriesKey key, int workers, List<ConfigurationResult> results, boolean fallback, List<SeriesNote> notes) {
        if (results.size() > 1) {
            notes.add(new SeriesNote(SeriesNote.Kind.POOLED, workers, results.size(), null));
        }
        MeasuredPoint point = MeasuredPoint.of(key, workers, results, fallback);
        if (point.samples().length == 1) {
            notes.add(SeriesNote.at(SeriesNote.Kind.SINGLE_SAMPLE, workers));
        }
        return point;
    }

    private static SeriesNote whyNotMeasured(int workers, List<ConfigurationResult> results) {
        return results.stream()
                .filter(r -> r.status() == Status.FAILED)
                .findFirst()
                .map(r -> new SeriesNote(SeriesNote.Kind.FAILED, workers, 0, r.reason()))
                .orElse(SeriesNote.at(SeriesNote.Kind.NO_SAMPLES, workers));
    }
}
