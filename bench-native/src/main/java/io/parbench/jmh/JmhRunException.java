package io.parbench.jmh;

import java.util.List;

/**
 * A JMH fork failed: the forked JVM threw (in setup, a step or teardown), crashed, ran out of
 * time, or its checksums are missing or disagree. The message is the reason, taken from the
 * fork where possible; {@link #log()} is JMH's whole output for the run; {@link #measured()} the
 * blocks the fork measured before it failed.
 */
public final class JmhRunException extends Exception {
    private final String log;
    private final List<JmhLauncher.MeasuredBlock> measured;

    JmhRunException(String message, String log, Throwable cause, List<JmhLauncher.MeasuredBlock> measured) {
        super(message, cause);
        this.log = log;
        this.measured = List.copyOf(measured);
    }

    public String log() {
        return log;
    }

    /** The blocks measured before the failure, in the fork's order (a prefix of it). */
    public List<JmhLauncher.MeasuredBlock> measured() {
        return measured;
    }
}
