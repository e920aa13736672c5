package io.parbench.engines.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One task on one fresh page (in a fresh browser context), watched by a timeout: the page's
 * {@code parbench.start(kind, config)} is called and {@code parbench.result} awaited. A page
 * that does not answer in time is closed, which kills its workers however stuck they are.
 *
 * <p>The page protocol is in bench-wasm/src/main/js/main.js.
 */
public final class PageRun {

    private static final double POLL_MILLIS = 50;

    /**
     * What the page answered, or why it did not.
     *
     * @param result the page's result object (JSON values), null when it failed
     * @param failure why there is no result, null when there is one
     * @param notes the page's console errors and warnings, uncaught errors and crashes
     */
    public record Outcome(Map<String, Object> result, String failure, List<String> notes) {
        public boolean failed() {
            return failure != null;
        }
    }

    private PageRun() {}

    /** Runs the task on a new page of {@code context}, and closes the context. */
    public static Outcome run(BrowserContext context, URI url, String kind, Map<String, Object> config, Duration timeout) {
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try {
            Page page = context.newPage();
            page.onConsoleMessage(message -> {
                if (message.type().equals("error") || message.type().equals("warning")) {
                    notes.add(message.type() + ": " + message.text());
                }
            });
            page.onPageError(error -> notes.add("uncaught: " + error));
            page.onCrash(crashed -> notes.add("the page crashed (its renderer process died)"));
            return awaitResult(page, url, kind, config, timeout, started, notes);
        } catch (PlaywrightException e) {
            return new Outcome(null, "browser error: " + ErrorText.summary(e.getMessage()), notes);
        } finally {
            closeQuietly(context);
        }
    }

    @SuppressWarnings("unchecked")
    private static Outcome awaitResult(Page page, URI url, String kind, Map<String, Object> config, Duration timeout,
            long started, List<String> notes) {
        try {
            page.navigate(url.toString(), new Page.NavigateOptions().setTimeout(millisLeft(timeout, started)));
            page.evaluate("([kind, config]) => parbench.start(kind, config)", Arrays.asList(kind, config));
            JSHandle result = page.waitForFunction("() => window.parbench.result", null,
                    new Page.WaitForFunctionOptions().setTimeout(millisLeft(timeout, started)).setPollingInterval(POLL_MILLIS));
            return new Outcome((Map<String, Object>) result.jsonValue(), null, notes);
        } catch (TimeoutError e) {
            return new Outcome(null, String.format(Locale.ROOT, "no answer within the fork's timeout of %.1f s (phase '%s'); the page was closed",
                    timeout.toMillis() / 1000.0, phase(page)), notes);
        }
    }

    /** Where a page that timed out got to (see main.js), or why that is unknown. */
    private static String phase(Page page) {
        try {
            return String.valueOf(page.evaluate("() => window.parbench ? parbench.phase : 'page not loaded'"));
        } catch (PlaywrightException e) {
            return "unknown";
        }
    }

    private static double millisLeft(Duration timeout, long startedNanos) {
        // Playwright reads a timeout of 0 as "no timeout": never pass it.
        return Math.max(1, timeout.toMillis() - (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static void closeQuietly(BrowserContext context) {
        try {
            context.close();
        } catch (PlaywrightException e) {
            // the browser is gone already; the session relaunches it
        }
    }
}
