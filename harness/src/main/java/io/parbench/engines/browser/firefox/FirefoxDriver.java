package io.parbench.engines.browser.firefox;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.BrowserLocator;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.ChildProcess;
import io.parbench.engines.browser.ErrorText;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.PageProtocol;
import io.parbench.engines.browser.WorkFolder;
import io.parbench.engines.browser.bidi.BidiClient;
import io.parbench.engines.browser.bidi.BidiException;
import io.parbench.results.FactKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Firefox driven over its built-in WebDriver BiDi (no geckodriver): one headless Firefox with a
 * fresh profile per launch, one BiDi session on it, and one tab whose every page is fresh: the
 * tab leaves each page for about:blank, and the cross-origin-isolated pages (COOP) then get a new
 * browsing context group and content process each. The page's notes are read from the page
 * itself (main.js keeps them).
 */
public final class FirefoxDriver implements BrowserDriver {

    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final int SET_UP_TRIES = 3;
    /** Where a page is before it measures anything (main.js and driver.js). */
    private static final Set<String> SET_UP_PHASES = Set.of("page not loaded", "loaded", "load", "pool");
    /** Keep a browser on a machine without internet from calling home, updating or asking questions. */
    private static final List<String> PREFERENCES = List.of(
            "user_pref(\"app.update.disabledForTesting\", true);",
            "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
            "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
            "user_pref(\"toolkit.telemetry.enabled\", false);",
            "user_pref(\"services.settings.server\", \"http://127.0.0.1:9/\");",
            "user_pref(\"network.connectivity-service.enabled\", false);",
            "user_pref(\"browser.safebrowsing.update.enabled\", false);",
            "user_pref(\"extensions.update.enabled\", false);");

    private final Path explicitPath;
    private final WorkFolder folder = new WorkFolder("parbench-firefox-");
    private BrowserLocator.Found executable;
    private ChildProcess firefox;
    private BidiClient bidi;
    private String context;
    private String version;
    private int launches;

    public FirefoxDriver(Path explicitPath) {
        this.explicitPath = explicitPath;
    }

    @Override
    public BrowserKind kind() {
        return BrowserKind.FIREFOX;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Firefox 153 used to leave some pages stuck before they measured anything (5 pages in 120
     * on this busy 2-core machine): under WebDriver BiDi a worker that constructs a worker can
     * wait forever inside the constructor, and the driver worker started the pool's helpers
     * (bench-wasm/FIREFOX-HANG.md). The page starts them now; as a safety net, a page stuck in
     * set-up is still tried again in a fresh Firefox, up to {@value #SET_UP_TRIES} times in all,
     * with a note: nothing had been measured, so nothing measured is thrown away, and a page that
     * hangs while measuring still fails at once.
     */
    @Override
    public PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException {
        List<String> notes = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            Attempt tried = attempt(url, task, config, timeout);
            notes.addAll(tried.outcome().notes());
            if (tried.stuckInPhase() == null || attempt == SET_UP_TRIES) {
                return new PageOutcome(tried.outcome().result(), tried.outcome().failure(), notes);
            }
            notes.add("Firefox left the page stuck in phase '" + tried.stuckInPhase() + "' before measuring; it was tried again in a fresh Firefox");
            stop();
        }
    }

    /** One page, and the set-up phase it got stuck in, if it timed out before measuring. */
    private record Attempt(PageOutcome outcome, String stuckInPhase) {}

    private Attempt attempt(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException {
        ensureRunning();
        long started = System.nanoTime();
        try {
            Map<String, String> target = Map.of("context", context);
            try {
                bidi.send("browsingContext.navigate", Map.of("context", context, "url", url.toString(), "wait", "complete"),
                        left(timeout, started));
                evaluate(target, PageProtocol.start(task, config), false, left(timeout, started));
                JsonNode result = evaluate(target, "new Promise(" + PageProtocol.CALL_WITH_RESULT + ")", true, left(timeout, started));
                return new Attempt(PageOutcome.answered(PageProtocol.result(result.path("value").asText()), notes(target)), null);
            } catch (BidiException e) {
                if (e.error().equals("timeout")) {
                    String phase = phase(target);
                    return new Attempt(PageOutcome.failed(PageOutcome.timedOut(timeout, phase), notes(target)),
                            SET_UP_PHASES.contains(phase) ? phase : null);
                }
                awaitExitIfLost();
                return new Attempt(PageOutcome.failed("browser error: " + ErrorText.summary(e.getMessage()),
                        running() ? notes(target) : List.of()), null);
            }
        } finally {
            leavePage();
        }
    }

    @Override
    public boolean running() {
        return firefox != null && firefox.alive() && bidi != null && bidi.open();
    }

    @Override
    public String deathNotice() {
        if (firefox == null) {
            return "firefox was never launched";
        }
        if (firefox.alive()) {
            return "the WebDriver BiDi connection to " + firefox.describe() + " was lost";
        }
        return firefox.describe() + " " + firefox.exitDescription() + ErrorText.lastLines("output", firefox.lastLines(), 3);
    }

    @Override
    public int launches() {
        return launches;
    }

    @Override
    public BrowserLocator.Found executable() {
        return executable;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Map<String, String> facts() {
        return Map.of(FactKeys.DRIVER, "WebDriver BiDi (built into Firefox)");
    }

    @Override
    public Optional<ProcessHandle> browserProcess() {
        return Optional.ofNullable(firefox).filter(ChildProcess::alive).map(ChildProcess::handle);
    }

    @Override
    public void close() {
        stop();
        folder.delete();
    }

    /**
     * Navigates the tab away to a blank page: the page's document and its workers end (however
     * stuck), and the next page gets a new browsing context group and content process (COOP).
     */
    private void leavePage() {
        if (running()) {
            try {
                bidi.send("browsingContext.navigate", Map.of("context", context, "url", "about:blank", "wait", "complete"), COMMAND_TIMEOUT);
            } catch (BidiException e) {
                // the next run relaunches a browser that does not answer
            }
        }
    }

    private JsonNode evaluate(Map<String, String> target, String expression, boolean awaitPromise, Duration timeout) throws BidiException {
        JsonNode answer = bidi.send("script.evaluate",
                Map.of("expression", expression, "target", target, "awaitPromise", awaitPromise), timeout);
        if ("exception".equals(answer.path("type").asText())) {
            throw new BidiException("javascript error", answer.path("exceptionDetails").path("text").asText());
        }
        return answer.path("result");
    }

    private String phase(Map<String, String> target) {
        try {
            return evaluate(target, PageProtocol.PHASE, false, SHORT).path("value").asText("unknown");
        } catch (BidiException e) {
            return "unknown";
        }
    }

    private List<String> notes(Map<String, String> target) {
        try {
            return PageProtocol.notes(evaluate(target, PageProtocol.NOTES, false, SHORT).path("value").asText());
        } catch (BidiException e) {
            return List.of();
        }
    }

    /** A lost connection is noticed before the process is reaped: give it a moment, so the reason can say how it ended. */
    private void awaitExitIfLost() {
        if (bidi != null && !bidi.open() && firefox != null) {
            try {
                firefox.handle().onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // still there: the reason says the connection was lost
            }
        }
    }

    private static Duration left(Duration timeout, long startedNanos) {
        return Duration.ofMillis(Math.max(1, timeout.toMillis() - (System.nanoTime() - startedNanos) / 1_000_000));
    }

    private void ensureRunning() throws BrowserUnavailableException {
        if (running()) {
            return;
        }
        stop();
        if (executable == null) {
            executable = BrowserLocator.locate(BrowserKind.FIREFOX, explicitPath, () -> null);
        }
        try {
            launch();
        } catch (IOException e) {
            stop();
            throw new BrowserUnavailableException("could not launch Firefox (" + executable.executable() + "): " + e.getMessage(),
                    "check that `" + executable.executable() + " --headless` starts here, or pass another Firefox with --browser-path");
        }
        launches++;
    }

    private void launch() throws IOException {
        Path profile = folder.folder("profile-" + (launches + 1));
        Files.write(profile.resolve("user.js"), PREFERENCES);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(folder.environment());
        env.put("MOZ_CRASHREPORTER_DISABLE", "1");
        firefox = ChildProcess.start("firefox", List.of(executable.executable().toString(), "--headless", "--no-remote",
                "--profile", profile.toString(), "--remote-debugging-port", "0"), env, folder.path());
        String endpoint = firefox.awaitLine(LISTENING, LAUNCH_TIMEOUT).group(1);
        bidi = BidiClient.connect(URI.create(endpoint + "/session"), COMMAND_TIMEOUT);
        JsonNode session = bidi.send("session.new", Map.of("capabilities", Map.of()), COMMAND_TIMEOUT);
        version = session.path("capabilities").path("browserVersion").asText(null);
        context = bidi.send("browsingContext.getTree", Map.of(), COMMAND_TIMEOUT).path("contexts").path(0).path("context").asText();
    }

    private void stop() {
        if (bidi != null) {
            if (bidi.open() && firefox != null && firefox.alive()) {
                try {
                    bidi.send("session.end", Map.of(), SHORT);
                } catch (BidiException e) {
                    // it is killed below anyway
                }
            }
            bidi.close();
            bidi = null;
        }
        if (firefox != null) {
            firefox.close();
            // keep the process object: deathNotice() reads how it ended until the next launch
        }
    }
}
