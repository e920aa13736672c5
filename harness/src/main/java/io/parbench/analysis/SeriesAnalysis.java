package io.parbench.analysis;

import io.parbench.results.SeriesKey;
import java.util.List;

/**
 * Scaling of one series across worker counts.
 *
 * @param points one per measured worker count (ok or fallback configurations), ascending
 * @param amdahl null when it cannot be fitted (fewer than two worker counts, no W = 1)
 * @param usl null when it cannot be fitted (fewer than three worker counts, no W = 1)
 * @param recommendedWorkers the fewest workers within 5% of the best measured throughput
 * @param notes why something could not be computed, in words
 */
public record SeriesAnalysis(
        SeriesKey key,
        List<ScalingPoint> points,
        AmdahlFit amdahl,
        UslFit usl,
        Integer recommendedWorkers,
        List<String> notes) {

    public SeriesAnalysis {
        points = List.copyOf(points);
        notes = List.copyOf(notes);
    }
}
