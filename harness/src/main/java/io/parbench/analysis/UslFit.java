package io.parbench.analysis;

/**
 * Gunther's Universal Scalability Law fitted to a series' throughputs:
 * X(W) = lambda W / (1 + sigma (W - 1) + kappa W (W - 1)), with sigma, kappa >= 0.
 *
 * @param contention sigma (serialisation)
 * @param coherency kappa (crosstalk); > 0 means throughput peaks and then falls
 * @param lambda throughput of one worker
 * @param peakWorkers sqrt((1 - sigma) / kappa), where throughput peaks; null when kappa == 0
 * @param peakThroughput X(peakWorkers); null when kappa == 0
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
