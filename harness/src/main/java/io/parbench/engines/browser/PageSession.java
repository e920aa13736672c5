package io.parbench.engines.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One fresh page in a browser, as the page protocol needs it ({@link PageRun}): each driver opens
 * and closes pages its own way (a Playwright context, a BiDi tab, a WebDriver window) and says here
 * how it loads a URL and evaluates scripts.
 */
public interface PageSession {

    /** Loads the URL and waits until it has loaded. */
    void navigate(URI url, Duration timeout) throws PageException;

    /** Evaluates an expression whose value is a string, and returns it. */
    String evaluate(String expression, Duration timeout) throws PageException;

    /** Calls a function of one callback ({@code (done) => …}) and returns the string it was called with. */
    String awaitCallback(String function, Duration timeout) throws PageException;

    /**
     * The page's console errors and warnings, uncaught errors and crashes: by default what the
     * page kept of them (main.js), for drivers that cannot read the console themselves.
     */
    default List<String> notes(Duration timeout) {
        try {
            return PageProtocol.notes(evaluate(PageProtocol.NOTES, timeout));
        } catch (PageException e) {
            return List.of();
        }
    }

    /** A command that did not finish, or a browser that failed under it. */
    final class PageException extends Exception {

        private final boolean timedOut;

        public PageException(String message, boolean timedOut, Throwable cause) {
            super(message, cause);
            this.timedOut = timedOut;
        }

        /** The command ran out of time (the page may be stuck); otherwise the browser failed. */
        public boolean timedOut() {
            return timedOut;
        }
    }
}
