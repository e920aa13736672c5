package io.parbench.engines.browser.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.BrowserLocator;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.webdriver.WebDriverClient;
import io.parbench.engines.browser.webdriver.WebDriverSession;
import io.parbench.engines.browser.webdriver.WindowPages;
import io.parbench.results.FactKeys;
import io.parbench.text.ErrorText;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A browser on another machine, reached through a W3C WebDriver endpoint (a Selenium Grid hub or
 * one WebDriver server): one session per launch, a fresh window per page, closed afterwards, so
 * that pages run exactly as with the local WebDriver browser. Its processes are the remote
 * machine's: parbench can neither see nor kill them, only end the session. A session that stops
 * answering is replaced by a new one for the next page.
 */
public final class RemoteDriver implements BrowserDriver {

    /**
     * A Grid queues a new session until a node with the browser is free, for 5 minutes by default
     * (its session-request-timeout): wait longer, so that its answer comes first and no request
     * is left in its queue to take a slot that nobody uses.
     */
    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(6);
    private static final String CHROME_OPTIONS = "goog:chromeOptions";
    private static final Duration SHORT = Duration.ofSeconds(5);
    /**
     * Ending a session quits its browser, which a busy machine takes seconds for; a request given up
     * early can leave the session, and its Grid slot, held until the Grid's own timeout (5 minutes),
     * where the next session request waits (the likely cause of a compare whose side A waited there
     * until the Grid refused it, under taskset -c 0 on a busy machine).
     */
    private static final Duration END_SESSION = Duration.ofSeconds(60);
    /** What only the remote browser can tell about its machine. */
    private static final String NAVIGATOR = "return {userAgent: navigator.userAgent, "
            + "hardwareConcurrency: navigator.hardwareConcurrency, platform: navigator.platform};";

    /** The sessions this process holds, on any endpoint: a Grid slot held by one of them is not free for another. */
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private final BrowserKind kind;
    private final RemoteEndpoint endpoint;
    private final WebDriverClient client;
    private WebDriverSession session;
    private WindowPages pages;
    private final Map<String, String> machine = new LinkedHashMap<>();
    private String version;
    private int launches;

    public RemoteDriver(BrowserKind kind, RemoteEndpoint endpoint) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.client = new WebDriverClient(endpoint.webDriverUrl());
    }

    @Override
    public BrowserKind kind() {
        return kind;
    }

    @Override
    public PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException {
        ensureSession();
        return pages.run(url, task, config, timeout);
    }

    /** Whether the session's browser still answers (the remote end may have ended it, or its machine gone). */
    @Override
    public boolean running() {
        if (session == null) {
            return false;
        }
        try {
            // A script, not a window handle: a driver answers that from memory after its browser died.
            session.execute("return 1;", List.of(), SHORT);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String deathNotice() {
        return session == null ? kind.id() + " at " + endpoint.shownUrl() + " was never reached"
                : "the " + kind.id() + " session " + session.id() + " at " + endpoint.shownUrl() + " no longer answers";
    }

    @Override
    public int launches() {
        return launches;
    }

    /** The remote browser by its WebDriver name: its executable is on the remote machine, unknown here. */
    @Override
    public BrowserLocator.Found executable() {
        return new BrowserLocator.Found(Path.of(kind.webDriverName()), "remote WebDriver at " + endpoint.shownUrl());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(FactKeys.DRIVER, "W3C WebDriver (remote)");
        facts.put(FactKeys.WEBDRIVER_URL, endpoint.shownUrl());
        facts.putAll(machine);
        return facts;
    }

    @Override
    public Optional<ProcessHandle> browserProcess() {
        return Optional.empty();
    }

    @Override
    public void close() {
        endSession();
    }

    private void ensureSession() throws BrowserUnavailableException {
        if (running()) {
            return;
        }
        endSession();
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("browserName", kind.webDriverName());
        if (endpoint.servesSecurely()) {
            capabilities.put("acceptInsecureCerts", true); // the run's own self-signed certificate
        }
        capabilities.putAll(endpoint.capabilities());
        if (kind == BrowserKind.CHROMIUM) {
            capabilities.put(CHROME_OPTIONS, withOmniboxOff(capabilities.get(CHROME_OPTIONS)));
        }
        refuseWhatTheGridCannotGive();
        try {
            session = client.newSession(capabilities, SESSION_TIMEOUT);
            HELD.add(session.id());
            pages = new WindowPages(session, this::running);
            readMachine();
        } catch (IOException e) {
            endSession();
            throw new BrowserUnavailableException("the WebDriver at " + endpoint.shownUrl() + " gave no " + kind.id() + " session: "
                    + ErrorText.summary(e.getMessage()), "check that it runs and has a node with this browser ('parbench doctor "
                    + "--webdriver-url URL' lists a Grid's), and route with --capability (e.g. platformName=mac) when several could answer");
        }
        launches++;
    }

    /**
     * The user's goog:chromeOptions with one more argument, turning off the omnibox WebUI that Chromium
     * renders for every window (BrowserKind.CHROMIUM_OMNIBOX_WEBUI). Added, not merged: ChromeDriver
     * joins every --disable-features it is given, its own, the user's and this one (156 here). Options
     * that are not an object, or args not a list, are left as given: the session request says what is wrong.
     */
    private static Object withOmniboxOff(Object chromeOptions) {
        if (chromeOptions != null && !(chromeOptions instanceof Map)) {
            return chromeOptions;
        }
        Map<Object, Object> options = chromeOptions == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<?, ?>) chromeOptions);
        Object given = options.getOrDefault("args", List.of());
        if (!(given instanceof List<?> args)) {
            return chromeOptions;
        }
        List<Object> withOurs = new ArrayList<>(args);
        withOurs.add("--disable-features=" + String.join(",", BrowserKind.CHROMIUM_OMNIBOX_WEBUI));
        options.put("args", withOurs);
        return options;
    }

    /** A Grid that has no node up with the browser would queue the request for minutes: said at once instead. */
    private void refuseWhatTheGridCannotGive() throws BrowserUnavailableException {
        EndpointStatus status;
        try {
            status = EndpointStatus.of(client.status());
        } catch (IOException e) {
            return; // the session request says what is wrong
        }
        String whyNot = status.whyNot(kind, HELD);
        if (whyNot != null) {
            throw new BrowserUnavailableException("the Selenium Grid at " + endpoint.shownUrl() + " cannot give a " + kind.id()
                    + " session: " + whyNot, "start a node with " + kind.webDriverName() + " (README: Browsers on other machines; "
                    + "compare --baseline-capability needs two of its sessions at once, e.g. max-sessions = 2), or measure a browser it offers with --browser");
        }
    }

    private void readMachine() throws IOException {
        JsonNode granted = session.capabilities();
        version = granted.path("browserVersion").asText(null);
        JsonNode navigator = session.execute(NAVIGATOR, List.of(), SHORT);
        machine.put(FactKeys.REMOTE_BROWSER_NAME, granted.path("browserName").asText(kind.webDriverName()));
        machine.put(FactKeys.REMOTE_PLATFORM_NAME, granted.path("platformName").asText("unknown"));
        machine.put(FactKeys.REMOTE_PLATFORM, navigator.path("platform").asText("unknown"));
        machine.put(FactKeys.REMOTE_USER_AGENT, navigator.path("userAgent").asText("unknown"));
        machine.put(FactKeys.REMOTE_CORES, navigator.path("hardwareConcurrency").asText("0"));
    }

    private void endSession() {
        if (session != null) {
            HELD.remove(session.id());
            try {
                session.delete(END_SESSION);
            } catch (IOException e) {
                // the remote end ends an abandoned session on its own timeout
            }
        }
        session = null;
        pages = null;
    }
}
