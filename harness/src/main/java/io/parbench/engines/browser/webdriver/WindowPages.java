package io.parbench.engines.browser.webdriver;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.engines.browser.ErrorText;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.PageProtocol;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs parbench pages in a classic WebDriver session, each in a fresh window that is closed
 * afterwards (its web process and workers with it): what every browser driven over classic
 * WebDriver shares, launched here (WebKitGTK) or on another machine.
 */
public final class WindowPages {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofSeconds(5);
    /** Why a page that was hidden while it ran is not measured (main.js's VisibilityWatch saw it). */
    static final String HIDDEN = "the page was hidden while it ran (document.visibilityState 'hidden': a background tab, a minimized "
            + "window or a locked screen), and browsers throttle hidden pages, so it was not measured; keep the browser's window "
            + "in front and its screen unlocked, or run it headless";

    private final WebDriverSession session;
    private final String firstWindow;
    private final BooleanSupplier alive;

    /**
     * @param alive whether the browser still runs: a dead one is neither asked for its notes nor
     *     for closing windows (its driver relaunches it)
     */
    public WindowPages(WebDriverSession session, BooleanSupplier alive) throws IOException {
        this.session = session;
        this.firstWindow = session.windowHandle();
        this.alive = alive;
    }

    /** Runs one task of the page protocol on a fresh window (see {@code BrowserDriver#run}). */
    public PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) {
        long started = System.nanoTime();
        try {
            session.switchToWindow(session.newWindow());
        } catch (IOException e) {
            return PageOutcome.failed("browser error: could not open a window: " + ErrorText.summary(e.getMessage()), List.of());
        }
        try {
            session.setTimeouts(left(timeout, started), left(timeout, started));
            session.navigate(url, left(timeout, started));
            session.execute(PageProtocol.start(task, config) + ";", List.of(), COMMAND_TIMEOUT);
            JsonNode result = session.executeAsync("(" + PageProtocol.CALL_WITH_RESULT + ")(arguments[0]);", List.of(),
                    left(timeout, started));
            Map<String, Object> answer = PageProtocol.result(result.asText());
            if (Boolean.TRUE.equals(answer.get("pageHidden"))) {
                return PageOutcome.failed(HIDDEN, notes());
            }
            return PageOutcome.answered(answer, notes());
        } catch (WebDriverException e) {
            if (e.error().equals("script timeout") || e.error().equals("timeout") || e.error().equals(WebDriverException.NO_ANSWER)) {
                return PageOutcome.failed(PageOutcome.timedOut(timeout, phase()), notes());
            }
            return PageOutcome.failed("browser error: " + ErrorText.summary(e.getMessage()), alive.getAsBoolean() ? notes() : List.of());
        } catch (IOException e) {
            return PageOutcome.failed("browser error: " + ErrorText.summary(e.getMessage()), List.of());
        } finally {
            closeWindow();
        }
    }

    private String phase() {
        try {
            return session.execute("return " + PageProtocol.PHASE + ";", List.of(), SHORT).asText("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private List<String> notes() {
        try {
            return PageProtocol.notes(session.execute("return " + PageProtocol.NOTES + ";", List.of(), SHORT).asText());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Closes the page's window and goes back to the first window. */
    private void closeWindow() {
        if (!alive.getAsBoolean()) {
            return;
        }
        try {
            session.closeWindow();
            session.switchToWindow(firstWindow);
        } catch (IOException e) {
            // a browser that does not answer is relaunched by the next run
        }
    }

    private static Duration left(Duration timeout, long startedNanos) {
        return Duration.ofMillis(Math.max(1, timeout.toMillis() - (System.nanoTime() - startedNanos) / 1_000_000));
    }
}
