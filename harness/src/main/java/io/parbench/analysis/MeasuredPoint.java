package io.parbench.analysis;

import io.parbench.results.ConfigurationResult;
import io.parbench.results.SeriesKey;
import java.util.List;

/**
 * The samples of one series at one worker count, pooled over the configurations measured there.
 *
 * @param samples steps/sec, fork-major
 * @param fallback measured single-threaded because threads were unavailable: not a parallel point
 * @param resampledMeans bootstrap means of the samples, shared by every engine ratio this point is part of
 * @param results the results the samples came from, with their forks (a speedup pairs them by fork)
 */
record MeasuredPoint(
        SeriesKey series, int workers, double[] samples, SampleStats throughput, boolean fallback, double[] resampledMeans,
        List<ConfigurationResult> results) {

    static MeasuredPoint of(SeriesKey series, int workers, List<ConfigurationResult> results, boolean fallback) {
        double[] samples = results.stream().flatMap(r -> r.flatSamples().stream()).mapToDouble(Double::doubleValue).toArray();
        return new MeasuredPoint(series, workers, samples, SampleStatistics.of(samples), fallback,
                Bootstrap.resampledMeans(samples, series.label() + "@W" + workers), List.copyOf(results));
    }

    double mean() {
        return throughput.mean();
    }
}
