package io.parbench.engines.browser.webdriver;

import io.parbench.engines.Deadline;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.PageResult;
import io.parbench.engines.browser.PageRun;
import io.parbench.engines.browser.PageSession;
import io.parbench.engines.browser.PageSession.PageException;
import io.parbench.text.ErrorText;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs parbench pages in a classic WebDriver session: what every browser driven over classic
 * WebDriver shares, launched here (WebKitGTK) or on another machine. Each page runs in a fresh
 * window that is closed afterwards (its web process and workers with it), or, where the browser is
 * known to give every cross-origin isolated page a web process of its own
 * ({@link WindowUse#REUSED}), in one window that goes back to about:blank after a page that ran
 * through. A page that failed or hung closes its window either way.
 */
public final class WindowPages {

    /** Why a page that was hidden while it ran is not measured (main.js's VisibilityWatch saw it). */
    static final String HIDDEN = "the page was hidden while it ran (document.visibilityState 'hidden': a background tab, a minimized "
            + "window or a locked screen), and browsers throttle hidden pages, so it was not measured; keep the browser's window "
            + "in front and its screen unlocked, or run it headless";

    /** The phase of a page whose window could not be opened: nothing of it ran. */
    public static final String OPENING_WINDOW = "opening a window";
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final String BLANK = "about:blank";
    /** 'ready' once main.js has run on the page, else the URL the window shows. */
    private static final String PAGE_SCRIPT_RUNS = "return window.parbench ? 'ready' : location.href;";
    /**
     * Where browsers show a page they could not load (a certificate they reject, a refused
     * connection): the navigation itself succeeds, so without this the load waits out its timeout.
     */
    private static final List<String> ERROR_PAGES = List.of("chrome-error:", "about:certerror", "about:neterror");

    /** Whether pages get a fresh window each, or share one that goes back to about:blank between them. */
    public enum WindowUse {
        /** Any browser: a new window per page. */
        FRESH,
        /**
         * For a browser that swaps web processes on leaving and on entering a cross-origin isolated
         * page (COOP), as WebKitGTK does: each page still gets a process of its own, and opening a window
         * (~0.4 s, and a web process for its blank document) is saved.
         */
        REUSED
    }

    private final WebDriverSession session;
    private final String firstWindow;
    private final BooleanSupplier alive;
    private final Runnable loaded;
    private final WindowUse windowUse;
    /** Whether the current window is the pages' own, left on about:blank by a page that ran through. */
    private boolean blankPageWindow;

    /**
     * @param alive whether the browser still runs: a dead one is neither asked for its notes nor
     *     for closing windows (its driver relaunches it)
     */
    public WindowPages(WebDriverSession session, BooleanSupplier alive) throws IOException {
        this(session, alive, () -> {}, WindowUse.FRESH);
    }

    /** @param loaded told each time a page has loaded, before it runs (e.g. to see which process it runs in) */
    public WindowPages(WebDriverSession session, BooleanSupplier alive, Runnable loaded, WindowUse windowUse) throws IOException {
        this.session = session;
        this.firstWindow = session.windowHandle();
        this.alive = alive;
        this.loaded = loaded;
        this.windowUse = windowUse;
    }

    /** Runs one task of the page protocol (see {@code BrowserDriver#run}). */
    public PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) {
        if (!blankPageWindow) {
            try {
                session.switchToWindow(session.newWindow());
            } catch (IOException e) {
                return PageOutcome.failed("browser error: could not open a window: " + ErrorText.summary(e.getMessage()),
                        new PageOutcome.Snapshot(OPENING_WINDOW, null, List.of(), List.of()));
            }
        }
        blankPageWindow = false;
        try {
            // Scripts and loads time out on their own clock too; the page run keeps within the fork's.
            session.setTimeouts(timeout, timeout);
        } catch (IOException e) {
            closeWindow();
            return PageOutcome.failed("browser error: " + ErrorText.summary(e.getMessage()), List.of());
        }
        PageOutcome outcome = null;
        try {
            outcome = PageRun.run(new Window(), url, task, config, timeout, alive);
            if (!outcome.failed() && Boolean.TRUE.equals(outcome.result().get("pageHidden"))) {
                outcome = PageOutcome.failed(HIDDEN, outcome.notes());
            }
            return outcome;
        } finally {
            leaveWindow(outcome != null && ranThrough(outcome));
        }
    }

    /** Whether the page answered without a failure of its own (driver.js's status): its window may take the next page. */
    private static boolean ranThrough(PageOutcome outcome) {
        return !outcome.failed() && !new PageResult(outcome.result()).reportsFailure();
    }

    /** The current window as the page protocol needs it. */
    private final class Window implements PageSession {

        /**
         * Loads the page, and returns once its own script runs. A fresh WebKitGTK window sometimes
         * answers the navigation while it still shows its first, blank document (seen under load:
         * the next script found no {@code parbench}): then it is asked again.
         */
        @Override
        public void navigate(URI url, Duration timeout) throws PageException {
            Deadline deadline = Deadline.in(timeout);
            call(() -> {
                session.navigate(url, deadline.left());
                return null;
            });
            while (true) {
                String shown = call(() -> session.execute(PAGE_SCRIPT_RUNS, List.of(), deadline.atMost(SHORT)).asText());
                if (shown.equals("ready")) {
                    loaded.run();
                    return;
                }
                if (ERROR_PAGES.stream().anyMatch(shown::startsWith)) {
                    throw new PageException("the browser could not load the page: its window shows its error page " + shown, false, null);
                }
                if (deadline.passed()) {
                    throw new PageException("the page did not load; the window shows " + shown, true, null);
                }
                if (shown.equals(BLANK)) {
                    call(() -> {
                        session.navigate(url, deadline.left());
                        return null;
                    });
                } else {
                    pause();
                }
            }
        }

        @Override
        public String evaluate(String expression, Duration timeout) throws PageException {
            return call(() -> session.execute("return " + expression + ";", List.of(), timeout).asText());
        }

        @Override
        public String awaitCallback(String function, Duration timeout) throws PageException {
            return call(() -> session.executeAsync("(" + function + ")(arguments[0]);", List.of(), timeout).asText());
        }

        private <T> T call(Command<T> command) throws PageException {
            try {
                return command.run();
            } catch (WebDriverException e) {
                boolean timedOut = e.error().equals("script timeout") || e.error().equals("timeout")
                        || e.error().equals(WebDriverException.NO_ANSWER);
                throw new PageException(e.getMessage(), timedOut, e);
            } catch (IOException e) {
                throw new PageException(e.getMessage(), false, e);
            }
        }
    }

    /** Still loading: a short wait before asking again. */
    private static void pause() throws PageException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageException("interrupted", false, e);
        }
    }

    private interface Command<T> {
        T run() throws IOException;
    }

    /**
     * After a page: its window goes back to about:blank for the next page when it may be reused
     * and the page ran through, else it is closed (however stuck the page, its process goes with it).
     */
    private void leaveWindow(boolean ranThrough) {
        if (windowUse == WindowUse.REUSED && ranThrough && alive.getAsBoolean()) {
            try {
                session.navigate(URI.create(BLANK), SHORT);
                blankPageWindow = true;
                return;
            } catch (IOException e) {
                // closed instead: the next page opens a window of its own
            }
        }
        closeWindow();
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
}
