package io.parbench.engines.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a page answered, or why it did not.
 *
 * @param result the page's result object (JSON values), null when it failed
 * @param failure why there is no result, null when there is one
 * @param notes the page's console errors and warnings, uncaught errors and crashes
 * @param snapshot what a failed page showed of itself (where it got to, what it measured), or null
 * @param attempts pages it took: more than 1 when the driver tried a page again before it measured anything
 *     (stuck in set-up, or its window could not be opened)
 */
public record PageOutcome(Map<String, Object> result, String failure, List<String> notes, Snapshot snapshot, int attempts) {

    public PageOutcome {
        notes = List.copyOf(notes);
    }

    /** What a page showed of itself when it was given up on (see main.js). */
    public record Snapshot(String phase, Map<String, Object> at, List<Map<String, Object>> blocks, List<String> notes) {

        public Snapshot {
            blocks = List.copyOf(blocks);
            notes = List.copyOf(notes);
        }

        /** @param json the page's {@link PageProtocol#SNAPSHOT} */
        @SuppressWarnings("unchecked")
        static Snapshot of(com.fasterxml.jackson.databind.JsonNode json, List<String> notes) {
            Map<String, Object> values = PageProtocol.map(json);
            List<Map<String, Object>> blocks = values.get("blocks") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
            return new Snapshot(String.valueOf(values.getOrDefault("phase", "unknown")),
                    values.get("at") instanceof Map<?, ?> at ? (Map<String, Object>) at : null, blocks, notes);
        }

        /** A page that could not be asked (its browser is gone): only what was read before. */
        static Snapshot lost(List<Map<String, Object>> blocks, List<String> notes) {
            return new Snapshot("unknown", null, blocks, notes);
        }

        /** The snapshot, or what was read before if that holds more blocks (the page may have lost them). */
        Snapshot withBlocksAtLeast(List<Map<String, Object>> earlier) {
            return earlier.size() > blocks.size() ? new Snapshot(phase, at, earlier, notes) : this;
        }
    }

    public static PageOutcome answered(Map<String, Object> result, List<String> notes) {
        return new PageOutcome(result, null, notes, null, 1);
    }

    public static PageOutcome failed(String failure, List<String> notes) {
        return new PageOutcome(null, failure, notes, null, 1);
    }

    public static PageOutcome failed(String failure, Snapshot snapshot) {
        return new PageOutcome(null, failure, snapshot.notes(), snapshot, 1);
    }

    /** The outcome of the last of several attempts, with the notes of the earlier ones in front. */
    public PageOutcome afterAttempts(int count, List<String> earlier) {
        List<String> all = new ArrayList<>(earlier);
        all.addAll(notes);
        return new PageOutcome(result, failure, all, snapshot, count);
    }

    /** A failed page's blocks measured before it failed, in order; none for an answered page (they are in its result). */
    public List<Map<String, Object>> blocks() {
        return snapshot == null ? List.of() : snapshot.blocks();
    }

    /** Where a failed page got to (see main.js), or null. */
    public String phase() {
        return snapshot == null ? null : snapshot.phase();
    }

    public boolean failed() {
        return failure != null;
    }

    /** The reason for a page that did not answer in time, with where it got to. */
    public static String timedOut(Duration timeout, String phase) {
        return String.format(Locale.ROOT, "no answer within the fork's timeout of %.1f s (phase '%s'); the page was closed",
                timeout.toMillis() / 1000.0, phase);
    }
}
