package io.parbench.results;

import java.time.Instant;
import java.util.List;

/**
 * One round of a comparison: one fork per side of every configuration still undecided.
 *
 * @param round counting from 1
 * @param forks in the order they ran (the random order is part of the record)
 * @param loadAverage the machine's one-minute load average as the round ended (null where the
 *     system does not report one): how busy the machine was, which explains a noisy comparison
 */
public record ComparisonRound(int round, Instant started, List<ForkResult> forks, Double loadAverage) {

    public ComparisonRound {
        forks = forks == null ? List.of() : List.copyOf(forks);
    }
}
