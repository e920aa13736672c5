package io.parbench.engines;

/**
 * When a timed block ran, on the epoch clock in nanoseconds, so that what was sampled outside the
 * engine (the worker threads' scheduler statistics) can be attributed to blocks by time. JMH forks
 * take it around the measurement iteration (Instant.now()), pages around their timed loop
 * (performance.timeOrigin + performance.now()); both bracket the timed window closely, not exactly.
 *
 * @param workers the block's worker count
 * @param startEpochNs when it started
 * @param endEpochNs when it ended
 */
public record BlockInterval(int workers, long startEpochNs, long endEpochNs) {

    public BlockInterval {
        if (endEpochNs < startEpochNs) {
            throw new IllegalArgumentException("a block cannot end (" + endEpochNs + " ns) before it starts (" + startEpochNs + " ns)");
        }
    }
}
