package io.parbench.export;

import io.parbench.results.ConfigurationResult;
import io.parbench.statistics.Statistics;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** The summary numbers exports need from one configuration's samples, computed the way JMH does. */
final class SampleSummary {

    /** JMH's score error is the half-width of a 99.9% Student-t interval of the mean. */
    static final double JMH_CONFIDENCE = 0.999;

    private final DescriptiveStatistics stats = new DescriptiveStatistics();

    SampleSummary(ConfigurationResult result) {
        result.flatSamples().forEach(stats::addValue);
    }

    long n() {
        return stats.getN();
    }

    double mean() {
        return stats.getMean();
    }

    double median() {
        return stats.getPercentile(50);
    }

    double percentile(double p) {
        return p == 0 ? stats.getMin() : stats.getPercentile(p);
    }

    /** Half-width of the Student-t interval of the mean at JMH's 99.9%; NaN with two samples or fewer, as in JMH. */
    double scoreError() {
        if (stats.getN() <= 2) {
            return Double.NaN;
        }
        double t = Statistics.tQuantile(stats.getN() - 1, 1 - (1 - JMH_CONFIDENCE) / 2);
        return t * stats.getStandardDeviation() / Math.sqrt(stats.getN());
    }
}
