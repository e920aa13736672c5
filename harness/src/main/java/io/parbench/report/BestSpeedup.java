package io.parbench.report;

import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.text.Format;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The highest speedup a series reached with more than one worker (doubtful ones above the limit never count). */
public record BestSpeedup(SeriesAnalysis series, ScalingPoint point) {

    /** Empty when the series has no speedup beyond one worker (no W = 1 point, only fallbacks, …). */
    public static Optional<BestSpeedup> of(SeriesAnalysis series) {
        return series.points().stream()
                .filter(p -> p.workers() > 1 && p.speedup() != null && !p.doubtful())
                .max(Comparator.comparingDouble(ScalingPoint::speedup))
                .map(p -> new BestSpeedup(series, p));
    }

    /** The best speedup of each series that has one. */
    public static List<BestSpeedup> perSeries(List<SeriesAnalysis> series) {
        return series.stream().map(BestSpeedup::of).flatMap(Optional::stream).toList();
    }

    /** The highest speedup among these series. */
    public static Optional<BestSpeedup> overall(List<SeriesAnalysis> series) {
        return perSeries(series).stream().max(Comparator.comparingDouble(BestSpeedup::speedup));
    }

    public double speedup() {
        return point.speedup();
    }

    /** Whether the speedup is real: the low end of its interval (or the value, without one) exceeds the threshold. */
    public boolean parallel() {
        double low = point.speedupLow() != null ? point.speedupLow() : point.speedup();
        return low > Checklist.PARALLEL_SPEEDUP;
    }

    /** E.g. {@code 1.93× on 2 workers (chromium, mandelbrot)}. */
    public String describe() {
        return Format.times(point.speedup()) + " on " + point.workers() + " workers (" + series.key().engine() + ", "
                + series.key().kernelLabel() + ")";
    }
}
