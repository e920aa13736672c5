package io.parbench.engines;

import io.parbench.results.AdapterRun;
import io.parbench.results.MachineAccounting;
import io.parbench.results.PointAccounting;
import io.parbench.results.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What an engine measured in one fork, before the runner verifies checksums.
 *
 * @param status {@link Status#OK}; {@link Status#FALLBACK} when threads were unavailable and every
 *     block ran on one worker; {@link Status#FAILED} with its reason, keeping the blocks measured
 *     before the failure
 * @param blocks steps/sec of the blocks measured, in the plan's order (a prefix of it when the fork failed)
 * @param checksums per block kind (side and worker count), what its last step computed: 16
 *     lowercase hex digits (or an adapter's own string); absent where nothing was computed
 * @param failedAt the block the fork failed in, or null (not failed, or failed before measuring)
 * @param poolStartupMillis how long the worker pool took to start, where measured
 * @param steadyAfterMillis how long the fork warmed up until its iterations were steady, where the
 *     engine decides that (browser pages), else null
 * @param mainThreadMaxGapMillis browsers: the longest stall of the page's main thread while measuring
 * @param attempts pages or processes it took (more than 1: a page was tried again before it measured anything)
 * @param notes console errors and warnings, and what else people should see
 * @param adapterRuns byo: per block kind, the threads the page ran for it and the modules it
 *     loaded (see {@link AdapterRun}); empty for other engines
 */
public record ForkMeasurement(
        Status status,
        String reason,
        List<MeasuredBlock> blocks,
        Map<Block, String> checksums,
        Block failedAt,
        Double poolStartupMillis,
        Double steadyAfterMillis,
        Double mainThreadMaxGapMillis,
        int attempts,
        List<String> notes,
        Map<Block, AdapterRun> adapterRuns) {

    /**
     * One block's throughput, and where the engine keeps them, its accounting and its interval.
     *
     * @param accounting where the block's time went (one block), null when the engine keeps none
     * @param interval when it ran, null when the engine does not say
     */
    public record MeasuredBlock(Block block, double stepsPerSecond, PointAccounting accounting, BlockInterval interval) {

        /** A block without accounting or interval. */
        public MeasuredBlock(Block block, double stepsPerSecond) {
            this(block, stepsPerSecond, null, null);
        }
    }

    public ForkMeasurement {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
        notes = notes == null ? List.of() : List.copyOf(notes);
        adapterRuns = adapterRuns == null ? Map.of() : Map.copyOf(adapterRuns);
    }

    /** A fork of an engine other than byo. */
    public ForkMeasurement(Status status, String reason, List<MeasuredBlock> blocks, Map<Block, String> checksums, Block failedAt,
            Double poolStartupMillis, Double steadyAfterMillis, Double mainThreadMaxGapMillis, int attempts, List<String> notes) {
        this(status, reason, blocks, checksums, failedAt, poolStartupMillis, steadyAfterMillis, mainThreadMaxGapMillis, attempts, notes,
                Map.of());
    }

    /** A fork that measured nothing. */
    public static ForkMeasurement failed(String reason) {
        return new ForkMeasurement(Status.FAILED, reason, List.of(), Map.of(), null, null, null, null, 1, List.of());
    }

    /** When its blocks ran, in order, where the engine says (see {@link BlockInterval}). */
    public List<BlockInterval> intervals() {
        return blocks.stream().map(MeasuredBlock::interval).filter(Objects::nonNull).toList();
    }

    /**
     * The same fork with what the machine gave its worker threads in each block that has an
     * accounting and an interval ({@code given}: e.g. a {@code MachineSampler}'s between).
     */
    public ForkMeasurement withMachine(BiFunction<Long, Long, MachineAccounting> given) {
        List<MeasuredBlock> measured = blocks.stream()
                .map(b -> b.accounting() == null || b.interval() == null ? b
                        : new MeasuredBlock(b.block(), b.stepsPerSecond(), b.accounting().withMachine(
                                given.apply(b.interval().startEpochNs(), b.interval().endEpochNs())), b.interval()))
                .toList();
        return new ForkMeasurement(status, reason, measured, checksums, failedAt, poolStartupMillis, steadyAfterMillis,
                mainThreadMaxGapMillis, attempts, notes, adapterRuns);
    }

    /** The same fork with more notes. */
    public ForkMeasurement withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new ForkMeasurement(status, reason, blocks, checksums, failedAt, poolStartupMillis, steadyAfterMillis,
                mainThreadMaxGapMillis, attempts, all, adapterRuns);
    }

    /** The same fork with what a byo page found out, per block kind. */
    public ForkMeasurement withAdapterRuns(Map<Block, AdapterRun> found) {
        return new ForkMeasurement(status, reason, blocks, checksums, failedAt, poolStartupMillis, steadyAfterMillis,
                mainThreadMaxGapMillis, attempts, notes, found);
    }
}
