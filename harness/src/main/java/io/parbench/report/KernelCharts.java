package io.parbench.report;

import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.analysis.UslFit;
import io.parbench.text.Format;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/** The three charts of a kernel: throughput, speedup and efficiency against the worker count. */
final class KernelCharts {

    /** Throughputs further apart than this are drawn on a logarithmic axis. */
    static final double LOG_SCALE_SPREAD = 30;

    private static final String WORKERS = "workers (W)";
    private static final int FIT_STEPS = 48;

    private KernelCharts() {}

    static ChartSpec throughput(String kernel, List<KernelSeries> series) {
        double[] means = series.stream()
                .flatMap(s -> points(s).stream())
                .mapToDouble(p -> p.throughput().mean())
                .filter(m -> m > 0)
                .toArray();
        boolean log = means.length > 1 && max(means) / min(means) > LOG_SCALE_SPREAD;
        List<ChartSpec.Line> lines = new ArrayList<>();
        for (KernelSeries s : series) {
            // A logarithmic axis has no place for zero: such points (and interval ends) stay in the table only.
            List<ScalingPoint> points = points(s).stream().filter(p -> !log || p.throughput().mean() > 0).toList();
            if (!points.isEmpty()) {
                lines.add(data(s.name(), s.colour(), s.marker(), s.dashed(), points, p -> p.throughput().mean(),
                        p -> log && p.throughput().ciLow() <= 0 ? p.throughput().mean() : p.throughput().ciLow(),
                        p -> p.throughput().ciHigh()));
            }
        }
        return new ChartSpec(kernel + ": throughput" + (log ? " (log scale)" : ""), WORKERS,
                "throughput (" + KernelSeries.unit(series) + "/s, 95% CI)", Format::tick, log, lines);
    }

    static ChartSpec speedup(String kernel, List<KernelSeries> series) {
        List<ChartSpec.Line> lines = speedupLines(series, p -> 1);
        for (KernelSeries s : series) {
            int maxWorkers = maxWorkers(List.of(s));
            UslFit usl = s.analysis() == null ? null : s.analysis().usl();
            if (usl != null && usl.lambda() > 0 && maxWorkers > 1) {
                double[] x = IntStream.rangeClosed(0, FIT_STEPS).mapToDouble(i -> 1 + (maxWorkers - 1) * (double) i / FIT_STEPS).toArray();
                double[] y = Arrays.stream(x).map(w -> usl.throughputAt(w) / usl.lambda()).toArray();
                lines.add(ChartSpec.Line.fit(s.name() + " USL fit", s.colour(), x, y));
            }
        }
        int maxWorkers = maxWorkers(series);
        if (!lines.isEmpty()) {
            lines.add(ChartSpec.Line.reference("ideal (linear)", new double[] {1, maxWorkers}, new double[] {1, maxWorkers}));
        }
        return new ChartSpec(kernel + ": speedup over 1 worker", WORKERS, "speedup (×, 95% CI; dotted: USL fit)",
                Format::tick, false, lines);
    }

    static ChartSpec efficiency(String kernel, List<KernelSeries> series) {
        List<ChartSpec.Line> lines = speedupLines(series, p -> 100.0 / p.workers());
        if (!lines.isEmpty()) {
            lines.add(ChartSpec.Line.reference("ideal (100%)", new double[] {1, maxWorkers(series)}, new double[] {100, 100}));
        }
        return new ChartSpec(kernel + ": parallel efficiency", WORKERS, "efficiency (% of ideal speedup)",
                Format::tick, false, lines);
    }

    /** One line per series with speedups: speedup and its interval, each times a per-point factor. */
    private static List<ChartSpec.Line> speedupLines(List<KernelSeries> series, ToDoubleFunction<ScalingPoint> factor) {
        List<ChartSpec.Line> lines = new ArrayList<>();
        for (KernelSeries s : series) {
            List<ScalingPoint> points = withSpeedup(s.analysis());
            if (!points.isEmpty()) {
                lines.add(speedupLine(s.name(), s.colour(), s.marker(), s.dashed(), points, factor));
            }
        }
        return lines;
    }

    /** A line of speedups and their intervals, each times a per-point factor (1 for speedup, 100/W for efficiency). */
    static ChartSpec.Line speedupLine(String name, Color colour, int marker, boolean dashed, List<ScalingPoint> points,
            ToDoubleFunction<ScalingPoint> factor) {
        return data(name, colour, marker, dashed, points,
                p -> p.speedup() * factor.applyAsDouble(p),
                p -> bound(p.speedupLow(), p.speedup()) * factor.applyAsDouble(p),
                p -> bound(p.speedupHigh(), p.speedup()) * factor.applyAsDouble(p));
    }

    /** The largest worker count with a speedup among these series (1 when there is none). */
    private static int maxWorkers(List<KernelSeries> series) {
        return series.stream().flatMap(s -> withSpeedup(s.analysis()).stream()).mapToInt(ScalingPoint::workers).max().orElse(1);
    }

    private static ChartSpec.Line data(
            String name,
            Color colour,
            int marker,
            boolean dashed,
            List<ScalingPoint> points,
            Function<ScalingPoint, Double> y,
            Function<ScalingPoint, Double> low,
            Function<ScalingPoint, Double> high) {
        return ChartSpec.Line.data(name, colour, marker, dashed,
                points.stream().mapToDouble(ScalingPoint::workers).toArray(),
                points.stream().mapToDouble(p -> y.apply(p)).toArray(),
                points.stream().mapToDouble(p -> low.apply(p)).toArray(),
                points.stream().mapToDouble(p -> high.apply(p)).toArray());
    }

    private static List<ScalingPoint> points(KernelSeries s) {
        return s.analysis() == null ? List.of() : s.analysis().points();
    }

    /** The points of a series that have a speedup (none without an analysis). */
    static List<ScalingPoint> withSpeedup(SeriesAnalysis analysis) {
        return analysis == null ? List.of() : analysis.points().stream().filter(p -> p.speedup() != null).toList();
    }

    /**
     * Of {@code points}, the one at the machine's full core count, or else at the most workers below
     * it: what a user with every core busy gets. Above the cores, the excess workers only wait for a CPU.
     */
    static Optional<ScalingPoint> atFullCores(List<ScalingPoint> points, int cores) {
        return points.stream().filter(p -> p.workers() <= Math.max(cores, 1)).max(Comparator.comparingInt(ScalingPoint::workers));
    }

    /** An interval end, or the value itself where the analysis has no interval (drawn as no bar). */
    private static double bound(Double end, double value) {
        return Objects.requireNonNullElse(end, value);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }
}
