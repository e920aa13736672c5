package io.parbench.analysis;

import io.parbench.results.SeriesKey;
import java.util.List;
import java.util.Optional;

/**
 * Scaling of one series across worker counts.
 *
 * @param points one per measured worker count (ok or fallback configurations), ascending
 * @param amdahl null when it cannot be fitted (no W = 1, no worker count above 1, or a single
 *     sample above W = 1); the notes say why
 * @param usl null when it cannot be fitted (no W = 1, fewer than two worker counts above 1, fewer
 *     than three samples above W = 1, or no convergence); the notes say why
 * @param recommendedWorkers the fewest workers within 5% of the best measured mean throughput,
 *     fallback points not counted; null when every point is a fallback
 * @param notes why something could not be computed or was left out (the report words them)
 */
public record SeriesAnalysis(
        SeriesKey key,
        List<ScalingPoint> points,
        AmdahlFit amdahl,
        UslFit usl,
        Integer recommendedWorkers,
        List<SeriesNote> notes) {

    public SeriesAnalysis {
        points = List.copyOf(points);
        notes = List.copyOf(notes);
    }

    /** Where the speedup at W went, if the forks kept accounting at W and at 1. */
    public Optional<SpeedupDecomposition> decompositionAt(int workers) {
        return points.stream().filter(p -> p.workers() == workers && p.decomposition() != null).findFirst().map(ScalingPoint::decomposition);
    }
}
