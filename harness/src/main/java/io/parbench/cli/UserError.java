package io.parbench.cli;

/**
 * Bad input from the user (a missing file, a malformed document, an impossible option): printed
 * as one clear message, exit code 2, no stack trace. The message says what was wrong and what to do.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
