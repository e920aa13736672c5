package io.parbench.engines.browser;

import io.parbench.engines.Block;
import io.parbench.engines.BlockInterval;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkMeasurement.MeasuredBlock;
import io.parbench.engines.ForkPlan;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Status;
import io.parbench.text.ErrorText;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures one fork on a fresh page of the page protocol (bench-wasm/src/main/js/main.js): the
 * page runs the fork's blocks in order and answers with each block's throughput (with its steps,
 * interval and pool accounting, from pages that send them) and each point's checksum. A page that
 * fails or dies keeps the blocks it measured before, and the point it was on is the one that failed.
 */
public final class PageFork {

    /** How an engine words what went wrong (the byo engine names the user's adapter). */
    public interface Wording {
        /** Why a page that answered {@code status: 'failed'} failed. */
        String pageFailed(PageResult page);

        /** Why a page gave no answer (its watchdog closed it, or the browser broke). */
        String unanswered(String failure);

        /** A line of the page's console or of its answer's notes. */
        String note(String note);
    }

    /** The pages' own words. */
    public static final Wording PLAIN = new Wording() {
        @Override
        public String pageFailed(PageResult page) {
            return page.text("reason");
        }

        @Override
        public String unanswered(String failure) {
            return failure;
        }

        @Override
        public String note(String note) {
            return note;
        }
    };

    private PageFork() {}

    /**
     * @param config what the page is told (see BrowserEngineOptions#pageConfig and the engine's own keys)
     * @param timeout how long the page may take; (re)launching the browser is not the fork's fault and does not count
     */
    public static ForkMeasurement measure(BrowserDriver driver, URI page, Map<String, Object> config, ForkPlan fork, Duration timeout,
            Wording wording) {
        return measure(driver, page, config, fork, timeout, wording, answer -> { });
    }

    /** As above; {@code measured} sees the page's answer when it measured (status ok or fallback). */
    public static ForkMeasurement measure(BrowserDriver driver, URI page, Map<String, Object> config, ForkPlan fork, Duration timeout,
            Wording wording, Consumer<PageResult> measured) {
        PageOutcome outcome;
        try {
            outcome = driver.run(page, "run", config, timeout);
        } catch (BrowserUnavailableException e) {
            return ForkMeasurement.failed(e.reason() + "; " + e.fix());
        }
        List<String> notes = new ArrayList<>(outcome.notes().stream().map(wording::note).toList());
        if (outcome.failed()) {
            String reason = wording.unanswered(outcome.failure());
            if (!driver.running()) {
                notes.add("the browser is relaunched for the next fork");
                reason = driver.deathNotice() + " while the page ran: " + outcome.failure() + ErrorText.lastLines("console lines", outcome.notes(), 3);
            }
            List<MeasuredBlock> blocks = blocks(outcome.blocks(), fork);
            return new ForkMeasurement(Status.FAILED, reason, blocks, Map.of(), failedAt(outcome.snapshot() == null ? null : outcome.snapshot().at(), blocks, fork),
                    null, null, null, outcome.attempts(), notes);
        }
        PageResult answer = new PageResult(outcome.result());
        if (outcome.result().get("notes") instanceof List<?> pageNotes) {
            pageNotes.forEach(note -> notes.add(wording.note(String.valueOf(note))));
        }
        List<MeasuredBlock> blocks = blocks(answer.list("blocks"), fork);
        Double startup = answer.has("poolStartupMs") ? answer.number("poolStartupMs").doubleValue() : null;
        Double steady = answer.has("steadyAfterMs") ? answer.number("steadyAfterMs").doubleValue() : null;
        Double gap = answer.has("mainThreadMaxGapMs") ? answer.number("mainThreadMaxGapMs").doubleValue() : null;
        if (answer.reportsFailure()) {
            Map<String, Object> at = answer.values().get("failedAt") instanceof Map<?, ?> m ? PageResult.object(m) : null;
            return new ForkMeasurement(Status.FAILED, wording.pageFailed(answer), blocks, Map.of(), failedAt(at, blocks, fork), startup,
                    steady, gap, outcome.attempts(), notes);
        }
        if (blocks.size() != fork.order().size()) {
            return new ForkMeasurement(Status.FAILED, "the page measured " + blocks.size() + " of the fork's " + fork.order().size()
                    + " blocks and said it was done (is it an older page?)", blocks, Map.of(), null, startup, steady, gap,
                    outcome.attempts(), notes);
        }
        Map<Block, String> checksums = new HashMap<>();
        for (Map<String, Object> point : answer.list("checksums")) {
            checksums.put(block(point), String.valueOf(point.get("checksum")));
        }
        Status status = "fallback".equals(answer.text("status")) ? Status.FALLBACK : Status.OK;
        measured.accept(answer);
        return new ForkMeasurement(status, status == Status.FALLBACK ? answer.text("reason") : null, blocks, checksums, null, startup,
                steady, gap, outcome.attempts(), notes);
    }

    /** The page's blocks, each checked against the fork's order (the page runs them in that order). */
    private static List<MeasuredBlock> blocks(List<Map<String, Object>> measured, ForkPlan fork) {
        List<MeasuredBlock> blocks = new ArrayList<>();
        for (int i = 0; i < measured.size() && i < fork.order().size(); i++) {
            Block block = block(measured.get(i));
            if (!block.equals(fork.order().get(i))) {
                throw new IllegalStateException("the page measured " + block + " where the fork's order has " + fork.order().get(i));
            }
            PageResult page = new PageResult(measured.get(i));
            double stepsPerSecond = page.number("stepsPerSecond").doubleValue();
            blocks.add(page.has("steps") ? new MeasuredBlock(block, stepsPerSecond, page.blockAccounting(),
                    new BlockInterval(block.workers(), page.number("startEpochNs").longValue(), page.number("endEpochNs").longValue()))
                    : new MeasuredBlock(block, stepsPerSecond));
        }
        return blocks;
    }

    /** The point a page failed on: the one it said it was on, else the next in order once it measured some, else none (set-up). */
    private static Block failedAt(Map<String, Object> at, List<MeasuredBlock> blocks, ForkPlan fork) {
        if (at != null) {
            return block(at);
        }
        return blocks.isEmpty() || blocks.size() >= fork.order().size() ? null : fork.order().get(blocks.size());
    }

    private static Block block(Map<String, Object> json) {
        return new Block(ComparisonSide.parse(String.valueOf(json.get("side"))), ((Number) json.get("workers")).intValue());
    }
}
