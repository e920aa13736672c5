package io.parbench.engines.browser;

/** The browser cannot run here: what is wrong and what to do about it, for people. */
public final class BrowserUnavailableException extends Exception {

    private final String fix;

    public BrowserUnavailableException(String reason, String fix) {
        super(reason);
        this.fix = fix;
    }

    public String reason() {
        return getMessage();
    }

    public String fix() {
        return fix;
    }
}
