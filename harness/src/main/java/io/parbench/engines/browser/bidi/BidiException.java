package io.parbench.engines.browser.bidi;

import java.io.IOException;

/** A WebDriver BiDi command failed: the browser's error and message, or a lost connection. */
public final class BidiException extends IOException {

    private final String error;

    public BidiException(String error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    /** The protocol's error code (e.g. "no such frame"), or "connection lost". */
    public String error() {
        return error;
    }
}
