package io.parbench.engines;

import java.time.Duration;

/**
 * A point in time by which something must be done, and how much of the time is left: the one
 * way timeouts are counted down when a fork's time is spent over several commands.
 */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    public boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** The time left, at least a millisecond (drivers read a timeout of 0 as "none"). */
    public Duration left() {
        return Duration.ofMillis(Math.max(1, (endNanos - System.nanoTime()) / 1_000_000));
    }

    /** The time left, but no more than {@code most}. */
    public Duration atMost(Duration most) {
        Duration left = left();
        return left.compareTo(most) < 0 ? left : most;
    }
}
