package io.parbench.engines.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The page protocol of bench-wasm/src/main/js/main.js as JavaScript that every driver sends as
 * text (see {@link PageRun}): start a task, wait for news (blocks measured, then the result), and
 * read where a stuck page got to, what it measured and what it logged.
 */
public final class PageProtocol {

    /** Where the page got to, the block it was on and the blocks it measured, as JSON. */
    public static final String SNAPSHOT = "JSON.stringify(window.parbench ? {phase: String(parbench.phase), at: parbench.at, "
            + "blocks: parbench.blocks} : {phase: 'page not loaded'})";

    /** The page's own log (console errors and warnings, uncaught errors) as a JSON array. */
    public static final String NOTES = "JSON.stringify(window.parbench ? parbench.notes : [])";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PageProtocol() {}

    /**
     * A function of one callback that calls it, as JSON, with {@code {result}} once the page has
     * answered, {@code {blocks}} (those after the first {@code seen}) once the first of them reached
     * the page {@code gather} ago, or {@code {}} when {@code wait} passed with neither (so it answers
     * within {@code wait} plus {@code gather}). Each answer is a command the page's main thread and the
     * browser serve beside the workers; gathering from the block rather than from the call keeps
     * answers out of measurements shorter than {@code gather}. Gathered from the call, the first answer
     * came in a page's second measured block, which ran 5-10% below the page's median at W = 2 in
     * Chromium's and Firefox's pages and WebKit's curve pages (45 pages of each kind, browser and
     * kernel, nbody 2048 and mandelbrot 1024, December 7; after: -1.8% to +0.3%, 40 each; README).
     */
    public static String awaitNews(int seen, Duration gather, Duration wait) {
        return """
                (done) => {
                  const start = Date.now();
                  const poll = () => {
                    const page = window.parbench;
                    if (page && page.result) return done(JSON.stringify({ result: page.result }));
                    const fresh = page ? page.blocks.length > %d : false;
                    if (fresh && performance.now() - page.blockArrivals[%d] >= %d) return done(JSON.stringify({ blocks: page.blocks.slice(%d) }));
                    if (!fresh && Date.now() - start >= %d) return done('{}');
                    setTimeout(poll, 50);
                  };
                  poll();
                }""".formatted(seen, seen, gather.toMillis(), seen, wait.toMillis());
    }

    /** The expression that starts a task on a loaded page. */
    public static String start(String task, Map<String, Object> config) {
        return "parbench.start(" + json(task) + ", " + json(config) + ")";
    }

    /** What the page answered, from its JSON text. */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the page answered something that is not JSON: " + text, e);
        }
    }

    /** A JSON object the page answered, as plain Java values. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(JsonNode object) {
        return JSON.convertValue(object, Map.class);
    }

    /** The page's notes, from their JSON text; none for anything else. */
    public static List<String> notes(Object json) {
        try {
            String[] notes = json instanceof String text ? JSON.readValue(text, String[].class) : null;
            return notes == null ? List.of() : List.of(notes);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
