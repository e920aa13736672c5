package io.parbench.results;

import java.util.List;

/**
 * One fork (a fresh JVM or page) of one side of a comparison round.
 *
 * @param samples steps/s of each measurement iteration, raw
 * @param reason why it failed, when it did
 */
public record ForkResult(
        Configuration configuration, ComparisonSide side, Status status, String reason, List<Double> samples, String checksum,
        String expectedChecksum, Double poolStartupMillis) {

    public ForkResult {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }
}
