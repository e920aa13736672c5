package io.parbench.results;

import java.util.List;

/**
 * What one fork (a fresh JVM or page) of a comparison round measured of one configuration on one
 * side. Results of the two sides with the same {@code fork} were measured in the same page or
 * JVM, their blocks interleaved (A and B paired inside the fork); otherwise each side had forks of
 * its own.
 *
 * @param fork the comparison's fork (1, 2, … in the order they ran); 0 in documents of version 1
 * @param samples steps/s of each of its blocks, raw
 * @param positions each sample's position in the fork's sequence of blocks (empty in version 1)
 * @param reason why it failed, when it did
 * @param runQueueShare what the machine took from its blocks: the share of their worker threads'
 *     runnable time spent waiting for a CPU ({@link MachineAccounting#runQueueShare}), 0 to 1;
 *     null where unknown (a remote browser, an engine without the machine's figures, documents
 *     written before it was recorded)
 * @param otherProcessesShare the share of the machine's CPUs that processes other than the fork's
 *     used meanwhile ({@link MachineAccounting#otherProcessesShare}), 0 to 1: with a high
 *     {@code runQueueShare}, whether other work on the machine or the fork's own threads took the
 *     CPUs; null where unknown (as {@code runQueueShare})
 */
public record ForkResult(
        Configuration configuration, ComparisonSide side, int fork, Status status, String reason, List<Double> samples,
        List<Integer> positions, String checksum, String expectedChecksum, Double poolStartupMillis,
        Double runQueueShare, Double otherProcessesShare) {

    public ForkResult {
        samples = samples == null ? List.of() : List.copyOf(samples);
        positions = positions == null ? List.of() : List.copyOf(positions);
    }
}
