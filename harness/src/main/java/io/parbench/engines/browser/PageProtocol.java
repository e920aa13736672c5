package io.parbench.engines.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The page protocol of bench-wasm/src/main/js/main.js as JavaScript for drivers that send
 * scripts as text (WebDriver BiDi, classic WebDriver): start a task, wait for its result, and
 * read where a stuck page got to and what it logged.
 */
public final class PageProtocol {

    /** A function of one callback that calls it with the page's result as JSON, once there is one. */
    public static final String CALL_WITH_RESULT = """
            (done) => {
              const poll = () => window.parbench && parbench.result ? done(JSON.stringify(parbench.result)) : setTimeout(poll, 50);
              poll();
            }""";

    /** Where the page got to (see main.js), as a string. */
    public static final String PHASE = "window.parbench ? String(parbench.phase) : 'page not loaded'";

    /** The page's own log (console errors and warnings, uncaught errors) as a JSON array. */
    public static final String NOTES = "JSON.stringify(window.parbench ? parbench.notes : [])";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PageProtocol() {}

    /** The expression that starts a task on a loaded page. */
    public static String start(String task, Map<String, Object> config) {
        return "parbench.start(" + json(task) + ", " + json(config) + ")";
    }

    /** The page's result object, from its JSON text. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> result(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the page answered something that is not JSON: " + json, e);
        }
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
