package io.parbench.engines.browser.firefox;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.ChildProcess;
import io.parbench.engines.browser.LocalDriver;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.PageRun;
import io.parbench.engines.browser.PageSession;
import io.parbench.engines.browser.bidi.BidiClient;
import io.parbench.engines.browser.bidi.BidiException;
import io.parbench.results.FactKeys;
import io.parbench.text.ErrorText;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
public final class FirefoxDriver extends LocalDriver {

    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final int SET_UP_TRIES = 3;
    /** The note of each retry (counted in the results and shown in the report). */
    public static final String RETRY_NOTE = "Firefox left the page stuck before it measured anything; it was tried again in a fresh Firefox";
    /** Where a page is before it measures anything (main.js, driver.js, and byo/driver.js: importing the adapter, its setup()). */
    private static final Set<String> SET_UP_PHASES = Set.of("page not loaded", "loaded", "load", "pool", "import", "setup()");
    /**
     * Keep a browser on a machine without internet from calling home, updating or asking questions;
     * and start on a blank page: a fresh profile's home page ran in a privileged content process that
     * took 0.6 s of a core beside a run's first pages, and launching took 0.5-0.7 s longer.
     */
    private static final List<String> PREFERENCES = List.of(
            "user_pref(\"app.update.disabledForTesting\", true);",
            "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
            "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
            "user_pref(\"toolkit.telemetry.enabled\", false);",
            "user_pref(\"services.settings.server\", \"http://127.0.0.1:9/\");",
            "user_pref(\"network.connectivity-service.enabled\", false);",
            "user_pref(\"browser.safebrowsing.update.enabled\", false);",
            "user_pref(\"extensions.update.enabled\", false);",
            "user_pref(\"browser.startup.page\", 0);",
            "user_pref(\"browser.startup.homepage_override.mstone\", \"ignore\");",
            "user_pref(\"startup.homepage_welcome_url\", \"about:blank\");",
            "user_pref(\"browser.newtabpage.enabled\", false);",
            "user_pref(\"datareporting.policy.firstRunURL\", \"\");",
            "user_pref(\"browser.aboutwelcome.enabled\", false);");

    private ChildProcess firefox;
    private BidiClient bidi;
    private String context;

    public FirefoxDriver(Path explicitPath) {
        super(BrowserKind.FIREFOX, explicitPath, "firefox-");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Firefox 153 used to leave some pages stuck before they measured anything: under WebDriver
     * BiDi a worker that constructs a worker can wait forever inside the constructor, and the
     * driver worker started the pool's helpers (bench-wasm/FIREFOX-HANG.md). The page starts them now; as a safety net, a page stuck in
     * set-up is still tried again in a fresh Firefox, up to {@value #SET_UP_TRIES} times in all,
     * with a note: nothing had been measured, so nothing measured is thrown away, and a page that
     * hangs while measuring still fails at once.
     */
    @Override
    public PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException {
        List<String> notes = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            PageOutcome tried = attempt(url, task, config, timeout);
            boolean stuckBeforeMeasuring = tried.failed() && tried.blocks().isEmpty() && SET_UP_PHASES.contains(tried.phase());
            if (!stuckBeforeMeasuring || attempt == SET_UP_TRIES) {
                return tried.afterAttempts(attempt, notes);
            }
            notes.addAll(tried.notes());
            notes.add(RETRY_NOTE + " (phase '" + tried.phase() + "')");
            stop();
        }
    }

    private PageOutcome attempt(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException {
        ensureRunning();
        try {
            return PageRun.run(new Tab(), url, task, config, timeout, () -> {
                awaitExitIfLost();
                return running();
            });
        } finally {
            leavePage();
        }
    }

    /** The run's one tab as the page protocol needs it. */
    private final class Tab implements PageSession {

        @Override
        public void navigate(URI url, Duration timeout) throws PageException {
            send("browsingContext.navigate", Map.of("context", context, "url", url.toString(), "wait", "complete"), timeout);
        }

        @Override
        public String evaluate(String expression, Duration timeout) throws PageException {
            return script(expression, false, timeout);
        }

        @Override
        public String awaitCallback(String function, Duration timeout) throws PageException {
            return script("new Promise(" + function + ")", true, timeout);
        }

        private String script(String expression, boolean awaitPromise, Duration timeout) throws PageException {
            JsonNode answer = send("script.evaluate", Map.of("expression", expression, "target", Map.of("context", context),
                    "awaitPromise", awaitPromise), timeout);
            if ("exception".equals(answer.path("type").asText())) {
                throw new PageException("javascript error: " + answer.path("exceptionDetails").path("text").asText(), false, null);
            }
            return answer.path("result").path("value").asText();
        }

        private JsonNode send(String method, Map<String, Object> params, Duration timeout) throws PageException {
            try {
                return bidi.send(method, params, timeout);
            } catch (BidiException e) {
                throw new PageException(e.getMessage(), e.error().equals("timeout"), e);
            }
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
    public Map<String, String> facts() {
        return Map.of(FactKeys.DRIVER, "WebDriver BiDi (built into Firefox)");
    }

    @Override
    public Optional<ProcessHandle> browserProcess() {
        return Optional.ofNullable(firefox).filter(ChildProcess::alive).map(ChildProcess::handle);
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

    @Override
    protected void launch() throws BrowserUnavailableException {
        Path executable = locate();
        try {
            start(executable);
        } catch (IOException e) {
            stop();
            throw new BrowserUnavailableException("could not launch Firefox (" + executable + "): " + e.getMessage(),
                    "check that `" + executable + " --headless` starts here, or pass another Firefox with --browser-path");
        }
    }

    private void start(Path executable) throws IOException {
        Path profile = folder().folder("profile-" + (launches() + 1));
        Files.write(profile.resolve("user.js"), PREFERENCES);
        Map<String, String> env = environment();
        env.put("MOZ_CRASHREPORTER_DISABLE", "1");
        firefox = ChildProcess.start("firefox", List.of(executable.toString(), "--headless", "--no-remote",
                "--profile", profile.toString(), "--remote-debugging-port", "0"), env, folder().path());
        String endpoint = firefox.awaitLine(LISTENING, LAUNCH_TIMEOUT).group(1);
        bidi = BidiClient.connect(URI.create(endpoint + "/session"), COMMAND_TIMEOUT);
        JsonNode session = bidi.send("session.new", Map.of("capabilities", Map.of()), COMMAND_TIMEOUT);
        launched(session.path("capabilities").path("browserVersion").asText(null));
        context = bidi.send("browsingContext.getTree", Map.of(), COMMAND_TIMEOUT).path("contexts").path(0).path("context").asText();
    }

    @Override
    protected void stop() {
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
