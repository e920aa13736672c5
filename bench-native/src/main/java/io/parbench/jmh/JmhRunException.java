package io.parbench.jmh;

/**
 * A JMH run of one configuration failed: the forked JVM threw (in setup, a step or teardown),
 * crashed, or its checksums are missing or disagree. The message is the reason, taken from the
 * fork where possible; {@link #log()} is JMH's whole output for the run.
 */
public final class JmhRunException extends Exception {
    private final String log;

    JmhRunException(String message, String log, Throwable cause) {
        super(message, cause);
        this.log = log;
    }

    public String log() {
        return log;
    }
}
