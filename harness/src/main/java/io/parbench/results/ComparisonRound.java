package io.parbench.results;

import java.time.Instant;
import java.util.List;

/**
 * One round of a comparison: one fork per side of every configuration still undecided.
 *
 * @param round counting from 1
 * @param forks in the order they ran (the random order is part of the record)
 */
public record ComparisonRound(int round, Instant started, List<ForkResult> forks) {

    public ComparisonRound {
        forks = forks == null ? List.of() : List.copyOf(forks);
    }
}
