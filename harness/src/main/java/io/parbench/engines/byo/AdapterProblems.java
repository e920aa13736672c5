package io.parbench.engines.byo;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the byo page reports about a broken adapter into one message for people: which
 * adapter file, which export, the JavaScript error with the file and line it came from, and for
 * threads problems what to check.
 */
final class AdapterProblems {

    private static final Pattern PHASE = Pattern.compile("phase '([^']*)'");

    private final Adapter adapter;
    private final String origin;

    /** @param origin the page's origin as the browser writes it in URLs, e.g. {@code http://127.0.0.1:4711} */
    AdapterProblems(Adapter adapter, URI origin) {
        this.adapter = adapter;
        String text = origin.toString();
        this.origin = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** A failure the page reported (its result with status 'failed'). */
    String reported(Map<String, Object> result) {
        StringBuilder message = new StringBuilder("adapter ").append(adapter.file()).append(": ")
                .append(text(result.get("reason")));
        Object at = result.get("at");
        if (at != null) {
            message.append(" (at ").append(files(at.toString())).append(')');
        }
        if (Boolean.TRUE.equals(result.get("threadsHint"))) {
            message.append(". This is a threads problem: check that the module was built with threads (atomics and shared "
                    + "memory) with 'parbench inspect FILE.wasm', and that the page is cross-origin isolated (not --no-isolation)");
        }
        return message.toString();
    }

    /** A page that never answered (the watchdog closed it) or broke, with the adapter call it was in. */
    String unanswered(String failure) {
        Matcher phase = PHASE.matcher(failure);
        String call = phase.find() ? callOf(phase.group(1)) : null;
        String meaning = call == null ? "" : "; " + call;
        return "adapter " + adapter.file() + ": " + failure + meaning;
    }

    /** The adapter call a driver phase stands for, or null for parbench's own phases. */
    private static String callOf(String phase) {
        return switch (phase) {
            case "import" -> "importing the adapter never finished (does a top-level await hang?)";
            case "setup()" -> "setup() never finished (a worker pool that never starts? a missing file the module waits for?)";
            case "step() (first)", "step() (warm-up)", "measure" ->
                "step() never returned (a deadlock, or threads waiting for workers that never started?)";
            case "checksum()" -> "checksum() never returned";
            case "teardown()" -> "teardown() never finished";
            default -> null;
        };
    }

    /** Rewrites the page's URLs of the user's files as paths in the adapter's folder. */
    String files(String text) {
        return text.replace(origin + "/", adapter.folder() + "/");
    }

    private String text(Object value) {
        return value == null ? "failed without a reason" : files(value.toString());
    }
}
