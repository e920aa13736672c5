package io.parbench.engines.browser;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a page answered, or why it did not.
 *
 * @param result the page's result object (JSON values), null when it failed
 * @param failure why there is no result, null when there is one
 * @param notes the page's console errors and warnings, uncaught errors and crashes
 */
public record PageOutcome(Map<String, Object> result, String failure, List<String> notes) {

    public PageOutcome {
        notes = List.copyOf(notes);
    }

    public static PageOutcome answered(Map<String, Object> result, List<String> notes) {
        return new PageOutcome(result, null, notes);
    }

    public static PageOutcome failed(String failure, List<String> notes) {
        return new PageOutcome(null, failure, notes);
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
