package io.parbench.engines.browser;

import java.time.Duration;

/**
 * Test helper: watchdog timeouts made from how long pages take on this machine, not from how long
 * they took on the machine a test was written on. A test first times a page that answers, then
 * gives the page under test room for that twice over.
 */
public final class PageTimeouts {

    /** Beyond twice what was measured: a page's time varies with what else the machine does. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private PageTimeouts() {}

    /** Something that runs pages and checks that they answered. */
    public interface Pages {
        void run() throws Exception;
    }

    /** How long {@code pages} took to run here. */
    public static Duration timed(Pages pages) throws Exception {
        long started = System.nanoTime();
        pages.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * A fork timeout that a page taking {@code measured} here keeps well within: twice that and 2 s,
     * beside {@code fixed} (a minimum warm-up, the same in every page).
     */
    public static Duration roomFor(Duration measured, Duration fixed) {
        return fixed.plus(measured.minus(fixed).multipliedBy(2)).plus(SLACK);
    }
}
