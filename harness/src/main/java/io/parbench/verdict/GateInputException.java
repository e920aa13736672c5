package io.parbench.verdict;


/**
 * The gate was given something it cannot judge: an impossible setting, a selector that matches
 * nothing, or two documents that cannot be compared. The message says what to change.
 */
public final class GateInputException extends RuntimeException {
    public GateInputException(String message) {
        super(message);
    }
}
