package io.parbench.analysis;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Fits Amdahl's law S(W) = 1 / ((1 - p) + p / W) by least squares, with p constrained to [0, 1].
 *
 * <p>The observations are the speedups of every raw sample measured with more than one worker
 * (sample / mean single-worker throughput). With equal sample counts per worker count this gives
 * the same p as fitting the mean speedups, and the residual spread gives a standard error even
 * with a single worker count above 1. The standard error is the usual linearised one,
 * sqrt(s² / Σ (dS/dp)²) with s² = SSE / (n - 1); it treats samples as independent and ignores the
 * uncertainty of the single-worker mean, so read it as indicative.
 */
public final class AmdahlFitter {

    /** Grid points scanned before Brent's method polishes the best one (guards against local minima). */
    private static final int GRID = 1000;

    private AmdahlFitter() {}

    /** Amdahl's law: speedup with a parallel fraction p on w workers. */
    public static double speedup(double p, double w) {
        return 1 / ((1 - p) + p / w);
    }

    /**
     * @param workers worker count of each observation, all > 1
     * @param speedups speedup of each observation (a sample over the mean single-worker throughput)
     */
    public static FitResult<AmdahlFit> fit(double[] workers, double[] speedups) {
        int n = workers.length;
        if (n == 0) {
            return FitResult.notFitted(SeriesNote.of(SeriesNote.Kind.AMDAHL_NO_PARALLEL_SAMPLES));
        }
        if (n == 1) {
            return FitResult.notFitted(SeriesNote.of(SeriesNote.Kind.AMDAHL_ONE_SAMPLE));
        }
        double p = minimiseSse(workers, speedups);
        double sse = sse(p, workers, speedups);
        double sumSquaredSlopes = 0;
        for (double w : workers) {
            double slope = (1 - 1 / w) * Math.pow(speedup(p, w), 2); // dS/dp
            sumSquaredSlopes += slope * slope;
        }
        double standardError = Math.sqrt(sse / (n - 1) / sumSquaredSlopes);
        Double maxSpeedup = p < 1 ? 1 / (1 - p) : null;
        return FitResult.fitted(new AmdahlFit(p, standardError, maxSpeedup));
    }

    /** Scans p on a grid over [0, 1], then refines around the best grid point with Brent's method. */
    private static double minimiseSse(double[] workers, double[] speedups) {
        int best = 0;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= GRID; k++) {
            double sse = sse((double) k / GRID, workers, speedups);
            if (sse < bestSse) {
                best = k;
                bestSse = sse;
            }
        }
        double low = Math.max(0, (best - 1.0) / GRID);
        double high = Math.min(1, (best + 1.0) / GRID);
        UnivariatePointValuePair refined = new BrentOptimizer(1e-12, 1e-15).optimize(
                new MaxEval(500),
                new UnivariateObjectiveFunction(p -> sse(p, workers, speedups)),
                GoalType.MINIMIZE,
                new SearchInterval(low, high, (double) best / GRID));
        // Brent never evaluates the ends of its interval; a bound (p = 0 or 1) found by the grid stays.
        return refined.getValue() < bestSse ? refined.getPoint() : (double) best / GRID;
    }

    private static double sse(double p, double[] workers, double[] speedups) {
        double sum = 0;
        for (int i = 0; i < workers.length; i++) {
            double residual = speedups[i] - speedup(p, workers[i]);
            sum += residual * residual;
        }
        return sum;
    }
}
