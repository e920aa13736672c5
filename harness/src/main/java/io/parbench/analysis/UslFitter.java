package io.parbench.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Fits Gunther's Universal Scalability Law X(W) = lambda W / (1 + sigma (W - 1) + kappa W (W - 1))
 * with Levenberg–Marquardt, keeping sigma, kappa >= 0.
 *
 * <p>lambda is anchored at the measured mean single-worker throughput (the usual USL practice,
 * and why {@link UslFit} has no error for it); sigma and kappa are fitted by least squares to
 * every raw sample measured with more than one worker, in units of lambda. Standard errors are
 * sqrt(s² diag((JᵀJ)⁻¹)) at the optimum with s² = SSE / (n - 2): local, treating samples as
 * independent, and only indicative when a parameter sits on its bound 0.
 */
public final class UslFitter {

    private static final int MAX_EVALUATIONS = 10_000;
    private static final double SINGULARITY_THRESHOLD = 1e-14;

    private UslFitter() {}

    /**
     * @param workers worker count of each observation, all > 1
     * @param throughputs each observation, steps/sec
     * @param lambda mean throughput at W = 1, > 0
     */
    public static FitResult<UslFit> fit(double[] workers, double[] throughputs, double lambda) {
        int n = workers.length;
        long distinctWorkers = Arrays.stream(workers).distinct().count();
        if (distinctWorkers < 2) {
            return FitResult.notFitted(new SeriesNote(SeriesNote.Kind.USL_TOO_FEW_WORKER_COUNTS, 0, distinctWorkers, null));
        }
        if (n < 3) {
            return FitResult.notFitted(new SeriesNote(SeriesNote.Kind.USL_TOO_FEW_SAMPLES, 0, n, null));
        }
        double[] relative = new double[n];
        for (int i = 0; i < n; i++) {
            relative[i] = throughputs[i] / lambda;
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(linearisedStart(workers, relative))
                .model(point -> model(point, workers))
                .target(relative)
                .parameterValidator(UslFitter::nonNegative)
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .build();
        Optimum optimum;
        RealMatrix covariance;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
            covariance = optimum.getCovariances(SINGULARITY_THRESHOLD);
        } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
            return FitResult.notFitted(new SeriesNote(SeriesNote.Kind.USL_NO_CONVERGENCE, 0, 0, e.getMessage()));
        } catch (SingularMatrixException e) {
            return FitResult.notFitted(SeriesNote.of(SeriesNote.Kind.USL_NO_STANDARD_ERRORS));
        }
        double sigma = optimum.getPoint().getEntry(0);
        double kappa = optimum.getPoint().getEntry(1);
        double residualVariance = optimum.getCost() * optimum.getCost() / (n - 2);
        double sigmaError = Math.sqrt(residualVariance * covariance.getEntry(0, 0));
        double kappaError = Math.sqrt(residualVariance * covariance.getEntry(1, 1));
        if (!Double.isFinite(sigma + kappa + sigmaError + kappaError)) {
            return FitResult.notFitted(SeriesNote.of(SeriesNote.Kind.USL_NOT_FINITE));
        }
        Double peakWorkers = peakWorkers(sigma, kappa);
        UslFit shape = new UslFit(sigma, sigmaError, kappa, kappaError, lambda, peakWorkers, null);
        Double peakThroughput = peakWorkers == null ? null : shape.throughputAt(peakWorkers);
        return FitResult.fitted(new UslFit(sigma, sigmaError, kappa, kappaError, lambda, peakWorkers, peakThroughput));
    }

    /**
     * Where the fitted curve is highest for W >= 1: sqrt((1 - sigma) / kappa) when that exceeds 1;
     * 1 when throughput only falls (sigma >= 1, or the peak would lie below one worker); null when
     * it rises forever (kappa == 0, sigma < 1).
     */
    static Double peakWorkers(double sigma, double kappa) {
        if (sigma >= 1) {
            return 1.0;
        }
        if (kappa == 0) {
            return null;
        }
        return Math.max(1, Math.sqrt((1 - sigma) / kappa));
    }

    /** Relative throughput X(W)/lambda and its derivatives in (sigma, kappa). */
    private static Pair<RealVector, RealMatrix> model(RealVector point, double[] workers) {
        double sigma = point.getEntry(0);
        double kappa = point.getEntry(1);
        double[] values = new double[workers.length];
        double[][] jacobian = new double[workers.length][2];
        for (int i = 0; i < workers.length; i++) {
            double w = workers[i];
            double denominator = 1 + sigma * (w - 1) + kappa * w * (w - 1);
            values[i] = w / denominator;
            double outer = -w / (denominator * denominator);
            jacobian[i][0] = outer * (w - 1);
            jacobian[i][1] = outer * w * (w - 1);
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    private static RealVector nonNegative(RealVector point) {
        return point.map(v -> Math.max(0, v));
    }

    /**
     * Starting values from Gunther's linearisation: W / C(W) - 1 = sigma (W - 1) + kappa W (W - 1),
     * solved by least squares on the mean relative throughput C at each worker count.
     */
    private static double[] linearisedStart(double[] workers, double[] relative) {
        Map<Double, double[]> sums = new TreeMap<>(); // worker count -> {sum, count}
        for (int i = 0; i < workers.length; i++) {
            double[] s = sums.computeIfAbsent(workers[i], w -> new double[2]);
            s[0] += relative[i];
            s[1]++;
        }
        double uu = 0, uv = 0, vv = 0, uy = 0, vy = 0;
        for (Map.Entry<Double, double[]> e : sums.entrySet()) {
            double w = e.getKey();
            double meanRelative = e.getValue()[0] / e.getValue()[1];
            if (meanRelative <= 0) {
                continue;
            }
            double u = w - 1;
            double v = w * (w - 1);
            double y = w / meanRelative - 1;
            uu += u * u;
            uv += u * v;
            vv += v * v;
            uy += u * y;
            vy += v * y;
        }
        double determinant = uu * vv - uv * uv;
        if (!(Math.abs(determinant) > 1e-12 * uu * vv)) {
            return new double[] {0, 0};
        }
        double sigma = (uy * vv - vy * uv) / determinant;
        double kappa = (vy * uu - uy * uv) / determinant;
        return new double[] {Math.max(0, sigma), Math.max(0, kappa)};
    }
}
