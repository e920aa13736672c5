package io.parbench.engines.byo;

import io.parbench.engines.browser.PageFork;
import io.parbench.engines.browser.PageResult;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the byo page reports about a broken adapter into one message for people: which
 * adapter file, which export, the JavaScript error with the file and line it came from, and for
 * threads problems what to check.
 */
final class AdapterProblems implements PageFork.Wording {

    private static final Pattern PHASE = Pattern.compile("phase '([^']*)'");

    private final Adapter adapter;
    private final ModuleVerdicts modules;
    private final String origin;
    private final boolean isolated;

    /**
     * @param origin the page's origin as the browser writes it in URLs, e.g. {@code http://127.0.0.1:4711}
     * @param isolated whether the page is served cross-origin isolated
     */
    AdapterProblems(Adapter adapter, ModuleVerdicts modules, URI origin, boolean isolated) {
        this.adapter = adapter;
        this.modules = modules;
        this.isolated = isolated;
        String text = origin.toString();
        this.origin = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** A failure the page reported (its result with status 'failed'). */
    @Override
    public String pageFailed(PageResult page) {
        StringBuilder message = new StringBuilder(configurationFailed(page.has("reason") ? page.text("reason") : "failed without a reason"));
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
        return configurationFailed(call == null ? failure : failure + "; " + call);
    }

    /** A failure of the adapter's, named by its file. */
    private String configurationFailed(String reason) {
        return "adapter " + adapter.file() + ": " + note(reason);
    }

    /** Rewrites the page's URLs of the user's files as paths in the adapter's folder. */
    @Override
    public String note(String text) {
        return text.replace(origin + "/", adapter.folder() + "/");
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
