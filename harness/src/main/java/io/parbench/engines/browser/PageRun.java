package io.parbench.engines.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.engines.Deadline;
import io.parbench.engines.browser.PageSession.PageException;
import io.parbench.text.ErrorText;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs one task of the page protocol (bench-wasm/src/main/js/main.js) on a fresh page, for every
 * driver alike: load, start, then wait for news until the page answers or the fork's time is up.
 * The news are the blocks the page measured, read a second's worth at a time, so a page that gets
 * stuck or dies mid-fork keeps what it measured up to its last second.
 */
public final class PageRun {

    /** How long the page holds one wait for news before it answers that there is none. */
    private static final Duration NEWS_WAIT = Duration.ofSeconds(2);
    /**
     * How long a measured block waits on the page before the page answers with it and those after
     * it (PageProtocol#awaitNews). Each answer is a command the page's main thread serves beside the
     * workers: read after every 100 ms block, it cost W = 2 on 2 cores 5-7% in Chromium and WebKit
     * (S(2) of nbody 2048 and mandelbrot 1024, 8 pages each, quiet: 1.715 and 1.715 against 1.797
     * and 1.836 in Chromium, 1.699 and 1.832 against 1.803 and 1.927 in WebKit; Firefox +2.5% and
     * -1.8%). A page that dies loses at most this much.
     */
    private static final Duration NEWS_GATHER = Duration.ofSeconds(1);
    /** Time for a command that needs no waiting on the page (read its state or notes), beside a wait for news. */
    private static final Duration SHORT = Duration.ofSeconds(5);
    /**
     * How long one wait for news may go unanswered before the page is asked again (until the fork's
     * timeout): a page holding blocks when the wait ends answers once they are NEWS_GATHER old.
     */
    public static final Duration NEWS_ANSWER_WAIT = NEWS_WAIT.plus(NEWS_GATHER).plus(SHORT);

    private PageRun() {}

    /**
     * @param timeout how long the page may take, loading included
     * @param alive whether the browser still runs, so that a dead one is not asked for its state
     */
    public static PageOutcome run(PageSession page, URI url, String task, Map<String, Object> config, Duration timeout,
            BooleanSupplier alive) {
        Deadline deadline = Deadline.in(timeout);
        List<Map<String, Object>> blocks = new ArrayList<>();
        try {
            page.navigate(url, deadline.left());
            // Starting needs no waiting on the page, but a page whose event loop a library keeps busy
            // (compiling a large module, under load) answers late: the fork's timeout is the bound.
            page.evaluate(PageProtocol.start(task, config), deadline.left());
            while (true) {
                if (deadline.passed()) {
                    return stuck(page, timeout, blocks);
                }
                String answer;
                try {
                    answer = page.awaitCallback(PageProtocol.awaitNews(blocks.size(), NEWS_GATHER, deadline.atMost(NEWS_WAIT)),
                            deadline.atMost(NEWS_ANSWER_WAIT));
                } catch (PageException e) {
                    if (e.timedOut()) {
                        continue; // the same: asked again until the fork's time is up
                    }
                    throw e;
                }
                JsonNode news = PageProtocol.parse(answer);
                if (news.has("result")) {
                    return PageOutcome.answered(PageProtocol.map(news.get("result")), page.notes(SHORT));
                }
                news.path("blocks").forEach(block -> blocks.add(PageProtocol.map(block)));
            }
        } catch (PageException e) {
            if (e.timedOut() && deadline.passed()) {
                return stuck(page, timeout, blocks);
            }
            PageOutcome.Snapshot snapshot = alive.getAsBoolean() ? snapshot(page) : PageOutcome.Snapshot.lost(blocks, page.notes(SHORT));
            return PageOutcome.failed("browser error: " + ErrorText.summary(e.getMessage()), snapshot.withBlocksAtLeast(blocks));
        }
    }

    /** A page still going when its time is up: where it got to, what it measured and logged. */
    private static PageOutcome stuck(PageSession page, Duration timeout, List<Map<String, Object>> blocks) {
        PageOutcome.Snapshot snapshot = snapshot(page).withBlocksAtLeast(blocks);
        return PageOutcome.failed(PageOutcome.timedOut(timeout, snapshot.phase()), snapshot);
    }

    private static PageOutcome.Snapshot snapshot(PageSession page) {
        List<String> notes = page.notes(SHORT);
        try {
            return PageOutcome.Snapshot.of(PageProtocol.parse(page.evaluate(PageProtocol.SNAPSHOT, SHORT)), notes);
        } catch (PageException | IllegalStateException e) {
            return PageOutcome.Snapshot.lost(List.of(), notes);
        }
    }
}
