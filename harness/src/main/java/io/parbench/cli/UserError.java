package io.parbench.cli;

import java.util.function.Supplier;

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

    /** Runs a parse step, turning its IllegalArgumentException (a bad option value) into a UserError. */
    static <T> T whenInvalid(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** Runs a check, turning its IllegalArgumentException (a bad option value) into a UserError. */
    static void whenInvalid(Runnable check) {
        whenInvalid(() -> {
            check.run();
            return null;
        });
    }
}
