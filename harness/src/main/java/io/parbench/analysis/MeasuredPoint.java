package io.parbench.analysis;

import io.parbench.results.SeriesKey;

/**
 * The samples of one series at one worker count, pooled over the configurations measured there.
 *
 * @param samples steps/sec, fork-major
 * @param fallback measured single-threaded because threads were unavailable: not a parallel point
 * @param resampledMeans bootstrap means of the samples, shared by every ratio this point is part of
 */
record MeasuredPoint(
        SeriesKey series, int workers, double[] samples, SampleStats throughput, boolean fallback, double[] resampledMeans) {

    static MeasuredPoint of(SeriesKey series, int workers, double[] samples, boolean fallback) {
        return new MeasuredPoint(series, workers, samples, SampleStatistics.of(samples), fallback,
                Bootstrap.resampledMeans(samples, series.label() + "@W" + workers));
    }

    double mean() {
        return throughput.mean();
    }
}
