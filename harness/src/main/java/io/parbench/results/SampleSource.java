package io.parbench.results;

import java.util.List;

/**
 * Where one fork's samples of a configuration came from: the run's fork ({@link ForkRecord#id})
 * and each sample's position in that fork's sequence of measured blocks (0-based). Samples of
 * two configurations with the same fork were measured in the same page or JVM, so their ratio is
 * free of the fork's own level (a speedup T(W) / T(1) inside one fork).
 */
public record SampleSource(int fork, List<Integer> positions) {

    public SampleSource {
        positions = positions == null ? List.of() : List.copyOf(positions);
    }
}
