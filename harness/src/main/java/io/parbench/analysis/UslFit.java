package io.parbench.analysis;

/**
 * Gunther's Universal Scalability Law fitted to a series' throughputs:
 * X(W) = lambda W / (1 + sigma (W - 1) + kappa W (W - 1)), with sigma, kappa >= 0. See {@link UslFitter}.
 *
 * @param contention sigma (serialisation)
 * @param coherency kappa (crosstalk); > 0 means throughput peaks and then falls
 * @param lambda throughput of one worker: the measured mean at W = 1, which the fit is anchored at
 * @param peakWorkers where the fitted throughput peaks for W >= 1: sqrt((1 - sigma) / kappa), or 1
 *     when throughput only falls (sigma >= 1 or that root is below 1); null when it rises forever
 *     (kappa == 0 and sigma < 1)
 * @param peakThroughput X(peakWorkers); null when peakWorkers is
 */
public record UslFit(
        double contention,
        double contentionStdErr,
        double coherency,
        double coherencyStdErr,
        double lambda,
        Double peakWorkers,
        Double peakThroughput) {

    /** The fitted throughput at a (possibly fractional) worker count, for drawing the curve. */
    public double throughputAt(double workers) {
        return lambda * workers / (1 + contention * (workers - 1) + coherency * workers * (workers - 1));
    }
}
