package io.parbench.engines.browser.webdriver;

import java.io.IOException;

/** A WebDriver command failed: the remote end's error code and message, or no answer. */
public final class WebDriverException extends IOException {

    /** The error code of a command that got no answer in time (ours, not the protocol's). */
    public static final String NO_ANSWER = "no answer";

    private final String error;

    public WebDriverException(String error, String message) {
        super(error + ": " + message);
        this.error = error;
    }

    /** The protocol's error code, e.g. "script timeout", "invalid session id"; or {@link #NO_ANSWER}. */
    public String error() {
        return error;
    }
}
