package io.parbench.engines.byo;

import io.parbench.engines.browser.PageFork;
import io.parbench.engines.browser.PageResult;
import io.parbench.results.ComparisonSide;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the byo page reports about a broken adapter into one message for people: which
 * adapter file, which export, the JavaScript error with the file and line it came from, and for
 * threads problems what to check. In a page of both sides of a comparison, the side's adapter
 * that failed is named, and URLs of side A's folder (served under its own prefix) are its files.
 */
final class AdapterProblems implements PageFork.Wording {

    private static final Pattern PHASE = Pattern.compile("phase '([^']*)'");

    /** What a side's adapter URL carries to make it an instance of its own; no file has it. */
    private static final Pattern SIDE_QUERY = Pattern.compile("\\?" + ByoEngine.SIDE_PARAMETER + "=\\w+");

    private final Adapter adapter;
    private final ModuleVerdicts modules;
    private final String origin;
    private final boolean isolated;
    /** Side A's adapter in a page of both sides, else null; and the URL path its folder is served under. */
    private final Adapter baseline;
    private final String baselinePrefix;

    /**
     * @param origin the page's origin as the browser writes it in URLs, e.g. {@code http://127.0.0.1:4711}
     * @param isolated whether the page is served cross-origin isolated
     */
    AdapterProblems(Adapter adapter, ModuleVerdicts modules, URI origin, boolean isolated) {
        this(adapter, modules, origin, isolated, null, null);
    }

    /**
     * For a page of both sides: side B's adapter as above, side A's ({@code baseline}) with the URL
     * path its folder is served under ({@code /} when it is B's folder).
     */
    AdapterProblems(Adapter adapter, ModuleVerdicts modules, URI origin, boolean isolated, Adapter baseline, String baselinePrefix) {
        this.baseline = baseline;
        this.baselinePrefix = baselinePrefix;
        this.adapter = adapter;
        this.modules = modules;
        this.isolated = isolated;
        String text = origin.toString();
        this.origin = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** A failure the page reported (its result with status 'failed'). */
    @Override
    public String pageFailed(PageResult page) {
        String reason = note(page.has("reason") ? page.text("reason") : "failed without a reason");
        StringBuilder message = new StringBuilder(baseline == null ? configurationFailed(reason)
                : ComparisonSide.BASELINE.id().equals(page.has("side") ? page.text("side") : null)
                        ? "side A's adapter " + baseline.file() + ": " + reason
                        : "side B's adapter " + adapter.file() + ": " + reason);
        if (page.has("at")) {
            message.append(" (at ").append(note(page.text("at"))).append(')');
        }
        if (page.flag("threadsHint")) {
            message.append(isolated ? ". " : ". Threads need a cross-origin isolated page: run without --no-isolation. ")
                    .append(ThreadsDiagnosis.of(modules, adapter.folder(), page.texts("modules")));
        }
        return message.toString();
    }

    /** A page that never answered (the watchdog closed it) or broke, with the adapter call it was in. */
    @Override
    public String unanswered(String failure) {
        Matcher phase = PHASE.matcher(failure);
        String call = phase.find() ? callOf(phase.group(1)) : null;
        return configurationFailed(note(call == null ? failure : failure + "; " + call));
    }

    /** A failure of the adapter's, named by its file (in a page of both sides, both adapters: the page cannot tell whose it is). */
    private String configurationFailed(String reason) {
        String who = baseline == null ? "adapter " + adapter.file() : "adapters " + adapter.file() + " (B) and " + baseline.file() + " (A)";
        return who + ": " + reason;
    }

    /** Rewrites the page's URLs of the user's files as paths in the adapters' folders. */
    @Override
    public String note(String text) {
        String files = SIDE_QUERY.matcher(text).replaceAll("");
        if (baseline != null && !baselinePrefix.equals("/")) {
            files = files.replace(origin + baselinePrefix, baseline.folder() + "/");
        }
        return files.replace(origin + "/", adapter.folder() + "/");
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
}
