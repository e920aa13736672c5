package io.parbench.analysis;

import io.parbench.change.SpeedupForks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scaling of one series: speedup with its interval over forks ({@link SpeedupForks}), efficiency and Karp–Flatt serial
 * fraction per worker count, Amdahl and USL fits, and the recommended worker count.
 *
 * <p>Everything is relative to the regular (non-fallback) W = 1 point; fallback points are listed
 * with their throughput only.
 */
public final class SeriesAnalyzer {

    /** A worker count is recommended when its mean throughput is within this fraction of the best. */
    public static final double RECOMMENDATION_TOLERANCE = 0.05;

    private SeriesAnalyzer() {}

    /** @param cores the measuring machine's logical cores; 0 when unknown (then only W bounds a speedup) */
    static SeriesAnalysis analyze(SeriesPoints series, int cores) {
        List<SeriesNote> notes = new ArrayList<>(series.notes());
        List<MeasuredPoint> regular = series.regularPoints();
        if (regular.isEmpty()) {
            notes.add(SeriesNote.of(SeriesNote.Kind.ALL_FALLBACK));
        }
        MeasuredPoint single = regular.isEmpty() ? null : baseline(regular, notes);
        List<ScalingPoint> points = series.points().stream()
                .map(point -> scalingPoint(point, single, cores, notes))
                .toList();
        AmdahlFit amdahl = null;
        UslFit usl = null;
        if (single != null) {
            Observations parallel = Observations.beyondOneWorker(regular);
            double[] speedups = Arrays.stream(parallel.throughputs()).map(x -> x / single.mean()).toArray();
            amdahl = keep(AmdahlFitter.fit(parallel.workers(), speedups), notes);
            usl = keep(UslFitter.fit(parallel.workers(), parallel.throughputs(), single.mean()), notes);
        } else if (!regular.isEmpty()) {
            notes.add(SeriesNote.of(SeriesNote.Kind.NO_FIT_WITHOUT_SINGLE_WORKER));
        }
        Integer recommended = regular.isEmpty() ? null : recommendedWorkers(plausible(regular, points));
        return new SeriesAnalysis(series.key(), points, amdahl, usl, recommended, notes);
    }

    /**
     * Karp–Flatt experimentally determined serial fraction e = (1/S - 1/W) / (1 - 1/W).
     *
     * @throws IllegalArgumentException unless W > 1 and S > 0, where it is undefined
     */
    public static double karpFlatt(double speedup, int workers) {
        if (workers <= 1 || !(speedup > 0)) {
            throw new IllegalArgumentException("Karp–Flatt needs W > 1 and S > 0 (got W=" + workers + ", S=" + speedup + ")");
        }
        return (1 / speedup - 1.0 / workers) / (1 - 1.0 / workers);
    }

    /**
     * The most a speedup can be on W workers without the work itself getting faster: W, or the number
     * of cores if fewer. What more is, {@link #beyondLimit} says.
     */
    public static int speedupLimit(int workers, int cores) {
        return cores > 0 ? Math.min(workers, cores) : workers;
    }

    /**
     * What a speedup above the limit is (null when it is not above): superlinear when it is above in
     * every fork (or its interval's lower end is) and the decomposition shows less busy time per step
     * than at W = 1; unexplained when it is reproducible without that evidence; else (one fork, or not
     * every fork) an anomaly. The one rule for superlinear speedups.
     */
    static ScalingPoint.BeyondLimit beyondLimit(double speedup, int limit, SpeedupForks forks, SpeedupForks.Estimate interval,
            SpeedupDecomposition decomposition) {
        if (!(speedup > limit)) {
            return null;
        }
        boolean everyFork = forks.paired() && forks.spread() && Arrays.stream(forks.plus().getFirst()).allMatch(r -> Math.exp(r) > limit);
        boolean reproducible = everyFork || (forks.spread() && interval.low() > limit);
        if (!reproducible) {
            return ScalingPoint.BeyondLimit.ANOMALY;
        }
        return decomposition != null && decomposition.superlinearGain() > 0
                ? ScalingPoint.BeyondLimit.SUPERLINEAR : ScalingPoint.BeyondLimit.UNEXPLAINED;
    }

    /** The regular points whose speedup is not doubtful, so an anomaly is never recommended. */
    private static List<MeasuredPoint> plausible(List<MeasuredPoint> regular, List<ScalingPoint> points) {
        List<MeasuredPoint> kept = regular.stream()
                .filter(m -> points.stream().noneMatch(p -> p.workers() == m.workers() && p.doubtful()))
                .toList();
        return kept.isEmpty() ? regular : kept;
    }

    /** The fewest workers whose mean throughput is within 5% of the best; points ascending, non-empty. */
    static int recommendedWorkers(List<MeasuredPoint> regular) {
        double best = regular.stream().mapToDouble(MeasuredPoint::mean).max().orElseThrow();
        double threshold = (1 - RECOMMENDATION_TOLERANCE) * best;
        return regular.stream().filter(p -> p.mean() >= threshold).findFirst().orElseThrow().workers();
    }

    /** The regular W = 1 point with a positive mean, or null with a note saying why there is none. */
    private static MeasuredPoint baseline(List<MeasuredPoint> regular, List<SeriesNote> notes) {
        MeasuredPoint single = regular.stream().filter(p -> p.workers() == 1).findFirst().orElse(null);
        if (single == null) {
            notes.add(SeriesNote.of(SeriesNote.Kind.NO_SINGLE_WORKER));
            return null;
        }
        if (single.mean() == 0) {
            notes.add(SeriesNote.of(SeriesNote.Kind.SINGLE_WORKER_ZERO));
            return null;
        }
        return single;
    }

    private static ScalingPoint scalingPoint(MeasuredPoint point, MeasuredPoint single, int cores, List<SeriesNote> notes) {
        int w = point.workers();
        if (point.fallback() || single == null) {
            return new ScalingPoint(w, point.throughput(), null, null, null, null, null, null, null);
        }
        if (point == single) {
            return new ScalingPoint(w, point.throughput(), 1.0, 1.0, 1.0, 1.0, null, null, null);
        }
        // Over forks, paired within each fork where T(1) and T(W) shared it (a curve per page or JVM).
        SpeedupForks forks = SpeedupForks.of(single.results(), point.results());
        SpeedupForks.Estimate interval = forks.interval(SampleStatistics.CONFIDENCE);
        double speedup = interval.estimate();
        SpeedupDecomposition decomposition = Decomposition.of(single.results(), point.results(), w, speedup);
        // Marked, not worded: the report and the terminal summary say what it means.
        ScalingPoint.BeyondLimit beyond = beyondLimit(speedup, speedupLimit(w, cores), forks, interval, decomposition);
        boolean spread = forks.spread();
        if (!spread && !notes.contains(SeriesNote.of(SeriesNote.Kind.ONE_FORK))) {
            notes.add(SeriesNote.of(SeriesNote.Kind.ONE_FORK));
        }
        Double serialFraction = speedup > 0 ? karpFlatt(speedup, w) : null;
        if (serialFraction == null) {
            notes.add(SeriesNote.at(SeriesNote.Kind.ZERO_THROUGHPUT, w));
        }
        return new ScalingPoint(
                w,
                point.throughput(),
                speedup,
                spread ? interval.low() : null,
                spread ? interval.high() : null,
                speedup / w,
                serialFraction,
                beyond,
                decomposition);
    }

    private static <T> T keep(FitResult<T> result, List<SeriesNote> notes) {
        if (result.note() != null) {
            notes.add(result.note());
        }
        return result.fit();
    }

    /** Every sample measured with more than one worker, beside its worker count. */
    private record Observations(double[] workers, double[] throughputs) {

        static Observations beyondOneWorker(List<MeasuredPoint> regular) {
            List<MeasuredPoint> parallel = regular.stream().filter(p -> p.workers() > 1).toList();
            int n = parallel.stream().mapToInt(p -> p.samples().length).sum();
            double[] workers = new double[n];
            double[] throughputs = new double[n];
            int i = 0;
            for (MeasuredPoint point : parallel) {
                for (double sample : point.samples()) {
                    workers[i] = point.workers();
                    throughputs[i++] = sample;
                }
            }
            return new Observations(workers, throughputs);
        }
    }
}
