package io.parbench.verdict;

import io.parbench.results.Configuration;

/**
 * A metric of one configuration, baseline against current.
 *
 * @param baseline throughput: the baseline's typical steps/s (geometric mean of its forks' or rounds' values);
 *     speedup: the baseline's speedup
 * @param current the same for the current run
 * @param baselineSamples forks (gate) or rounds (compare) behind the baseline value (for a speedup, the fewer of W and one worker)
 * @param threshold the threshold that applied to this configuration
 */
public record Comparison(
        Configuration configuration,
        Metric metric,
        double baseline,
        double current,
        int baselineSamples,
        int currentSamples,
        double threshold,
        Decision decision) implements Check {

    @Override
    public Verdict verdict() {
        return decision.verdict();
    }

    @Override
    public String subject() {
        return metric.id();
    }

    @Override
    public String reason() {
        return decision.reason();
    }
}
