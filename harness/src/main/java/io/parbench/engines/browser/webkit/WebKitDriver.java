package io.parbench.engines.browser.webkit;

import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.BrowserLocator;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.ChildProcess;
import io.parbench.engines.browser.LocalDriver;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.webdriver.WebDriverClient;
import io.parbench.engines.browser.webdriver.WebDriverException;
import io.parbench.engines.browser.webdriver.WebDriverSession;
import io.parbench.engines.browser.webdriver.WindowPages;
import io.parbench.engines.browser.webdriver.WindowPages.WindowUse;
import io.parbench.machine.ProcessEnd;
import io.parbench.results.FactKeys;
import io.parbench.text.ErrorText;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * WebKitGTK's MiniBrowser driven by WebKitWebDriver (classic W3C WebDriver) on an Xvfb display
 * of its own: one session per launch, its cross-origin isolated pages in one window that goes
 * back to about:blank between them (each still in a web process of its own, {@link
 * WindowUse#REUSED}), other pages in a window each. WebKitGTK
 * gives pages SharedArrayBuffer only when {@value #SHARED_ARRAY_BUFFER} is set, and then to every
 * page, isolated or not; Safari gives it to cross-origin isolated pages only. So it is set for
 * the driver and the browser it starts when pages are served isolated, and left out for
 * --no-isolation, which then shows what Safari users without COOP/COEP get.
 */
public final class WebKitDriver extends LocalDriver {

    /** JavaScriptCore's option; without it SharedArrayBuffer is undefined even in isolated pages. */
    public static final String SHARED_ARRAY_BUFFER = FactKeys.JSC_SHARED_ARRAY_BUFFER;
    private static final String WEBDRIVER = "WebKitWebDriver";
    private static final String WEB_PROCESS = "WebKitWebProcess";
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofSeconds(5);
    /** The note of a page tried again after its window could not be opened (counted in the results, shown in the report). */
    public static final String WINDOW_RETRY_NOTE = "WebKit could not open the page's window; it was tried again in a relaunched WebKit";

    private final boolean sharedArrayBuffer;
    private VirtualDisplay display;
    private ChildProcess webDriver;
    private WebDriverSession session;
    private WindowPages pages;
    private ProcessHandle miniBrowser;
    /**
     * When each of MiniBrowser's web processes ended, for those alive when a page had loaded (one of
     * them ran it): the page's is the one that died last. Naming the newest of the dead instead named
     * a spare process that WebKit had ended on its own, on a slow machine.
     */
    private final Map<ProcessHandle, Instant> webProcessEnds = new ConcurrentHashMap<>();
    /** The web processes alive when the last page had loaded (those of earlier pages may end any time). */
    private volatile Set<ProcessHandle> watchedWebProcesses = Set.of();
    /** Which web process died and ended the session, once told (until the next launch). */
    private String pageProcessDeath;
    /** Whether WebKitWebDriver ended the session, as it does when a page's web process dies. */
    private boolean sessionEnded;

    /**
     * @param explicitPath MiniBrowser's path from --browser-path, or null to find it
     * @param sharedArrayBuffer whether to set {@value #SHARED_ARRAY_BUFFER} (for isolated pages)
     */
    public WebKitDriver(Path explicitPath, boolean sharedArrayBuffer) {
        super(BrowserKind.WEBKIT, explicitPath, "webkit-");
        this.sharedArrayBuffer = sharedArrayBuffer;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A window that could not be opened is tried once more in a relaunched WebKit, with a note:
     * nothing of the page ran. Seen under load: MiniBrowser died as it opened a window, its new web
     * process having died at start-up ("readPIDFromPeer: Unexpected short read from PID socket").
     */
    @Override
    public PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException {
        ensureRunning();
        PageOutcome outcome = pages.run(url, task, config, timeout);
        if (outcome.failed() && WindowPages.OPENING_WINDOW.equals(outcome.phase())) {
            String died = miniBrowser != null && exited(miniBrowser) ? "; " + deathNotice() : "";
            List<String> notes = new ArrayList<>(outcome.notes());
            notes.add(WINDOW_RETRY_NOTE + " (" + outcome.failure() + died + ")");
            stop();
            ensureRunning();
            outcome = pages.run(url, task, config, timeout).afterAttempts(2, notes);
        }
        if (outcome.failed()) {
            checkSession();
        }
        return outcome;
    }

    /** Whether {@code process} has ended, or ends within a second (a browser killed mid-command takes a moment to go). */
    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(1, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean running() {
        return session != null && !sessionEnded && webDriver.alive() && display.alive() && miniBrowser != null
                && miniBrowser.isAlive();
    }

    /**
     * After a failed page: whether the session still answers. When a page's web process dies,
     * MiniBrowser lives on but WebKitWebDriver deletes the session ("session deleted because of
     * page crash or hang"), and every later command fails: the browser must be relaunched.
     */
    private void checkSession() {
        if (session == null || !webDriver.alive()) {
            return;
        }
        try {
            session.windowHandle();
        } catch (WebDriverException e) {
            sessionEnded = e.error().equals("invalid session id");
        } catch (IOException e) {
            // no answer at all: the driver's own death is noticed by running()
        }
    }

    /** Notes when each of MiniBrowser's WebKitWebProcess children ends (a page has just loaded in one of them). */
    private void watchWebProcesses() {
        if (miniBrowser == null) {
            return;
        }
        Set<ProcessHandle> watched = miniBrowser.children()
                .filter(p -> p.info().command().orElse("").endsWith("/" + WEB_PROCESS))
                .collect(Collectors.toUnmodifiableSet());
        webProcessEnds.clear();
        watchedWebProcesses = watched;
        watched.forEach(p -> p.onExit().thenRun(() -> {
            if (watchedWebProcesses.contains(p)) {
                webProcessEnds.put(p, Instant.now());
            }
        }));
    }

    @Override
    public String deathNotice() {
        if (webDriver == null) {
            return "webkit was never launched";
        }
        if (!webDriver.alive()) {
            return webDriver.describe() + " " + webDriver.exitDescription() + ErrorText.lastLines("output", webDriver.lastLines(), 3);
        }
        if (!display.alive()) {
            return "the X server (Xvfb) of " + webDriver.describe() + " died";
        }
        if (sessionEnded && miniBrowser != null && !ProcessEnd.ended(miniBrowser)) {
            if (pageProcessDeath == null) {
                // Not our child either: that it ended is all there is to know, and it may still wait for MiniBrowser
                // to reap it. The one that went last ran the page; one whose end is not noticed yet (onExit lags, or
                // waits for the reaping) went just now. Told once, the same each time.
                Instant now = Instant.now();
                pageProcessDeath = watchedWebProcesses.stream().filter(ProcessEnd::ended)
                        .max(Comparator.comparing(p -> webProcessEnds.getOrDefault(p, now)))
                        .map(ended -> WEB_PROCESS + " (pid " + ended.pid() + ")").orElse("a " + WEB_PROCESS + " (the page's)")
                        + " died (crashed or was killed), and " + WEBDRIVER + " ended the session";
            }
            return pageProcessDeath;
        }
        // MiniBrowser is WebKitWebDriver's child, so its exit status is not ours to read.
        return "MiniBrowser" + (miniBrowser == null ? "" : " (pid " + miniBrowser.pid() + ")") + " died (crashed or was killed)"
                + ErrorText.lastLines("driver output", webDriver.lastLines(), 3);
    }

    @Override
    public Map<String, String> facts() {
        return Map.of(FactKeys.DRIVER, "WebKitWebDriver (W3C WebDriver)", SHARED_ARRAY_BUFFER, sharedArrayBuffer ? "1" : "unset",
                FactKeys.DISPLAY, display == null ? "none" : "Xvfb " + display.display());
    }

    @Override
    public Optional<ProcessHandle> browserProcess() {
        return Optional.ofNullable(miniBrowser).filter(ProcessHandle::isAlive);
    }

    /** The X display outlives relaunches: a MiniBrowser that died left it working. */
    @Override
    protected void closeLauncher() {
        if (display != null) {
            display.close();
            display = null;
        }
    }

    @Override
    protected void launch() throws BrowserUnavailableException {
        Path executable = locate();
        Path driverExecutable = BrowserLocator.findOnPath(WEBDRIVER).orElseThrow(() -> new BrowserUnavailableException(
                WEBDRIVER + " not found on PATH", "install it with `apt-get install webkit2gtk-driver xvfb`"));
        Map<String, String> env = environment();
        if (display == null || !display.alive()) {
            if (display != null) {
                display.close();
            }
            display = VirtualDisplay.start(env, folder().path());
        }
        env.put("DISPLAY", display.display());
        if (sharedArrayBuffer) {
            env.put(SHARED_ARRAY_BUFFER, "1");
        } else {
            env.remove(SHARED_ARRAY_BUFFER);
        }
        try {
            start(executable, driverExecutable, env);
        } catch (IOException e) {
            stop();
            throw new BrowserUnavailableException("could not launch WebKit (" + executable + " through " + driverExecutable
                    + "): " + ErrorText.summary(e.getMessage()), "check that `xvfb-run " + executable
                    + "` starts here, or pass another MiniBrowser with --browser-path");
        }
    }

    private void start(Path executable, Path driverExecutable, Map<String, String> env) throws IOException {
        int port = freePort();
        webDriver = ChildProcess.start(WEBDRIVER, List.of(driverExecutable.toString(), "--port=" + port), env, folder().path());
        WebDriverClient client = new WebDriverClient(URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
        while (!client.ready()) {
            if (!webDriver.alive() || System.nanoTime() > deadline) {
                throw new IOException(WEBDRIVER + " " + (webDriver.alive() ? "did not become ready" : webDriver.exitDescription())
                        + ErrorText.lastLines("output", webDriver.lastLines(), 3));
            }
            sleep(Duration.ofMillis(100));
        }
        session = client.newSession(Map.of("webkitgtk:browserOptions",
                Map.of("binary", executable.toString(), "args", List.of("--automation"))), LAUNCH_TIMEOUT);
        launched(session.capabilities().path("browserVersion").asText(null));
        webProcessEnds.clear();
        watchedWebProcesses = Set.of();
        pageProcessDeath = null;
        // Without COOP (--no-isolation) WebKit ran the next page in the same web process as the last
        // (3 pages through about:blank, one process): those pages get a window each.
        pages = new WindowPages(session, this::running, this::watchWebProcesses, sharedArrayBuffer ? WindowUse.REUSED : WindowUse.FRESH);
        miniBrowser = webDriver.handle().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/" + executable.getFileName()))
                .findFirst().orElse(null);
    }

    @Override
    protected void stop() {
        if (session != null && webDriver.alive()) {
            try {
                session.delete(SHORT);
            } catch (IOException e) {
                // it is killed below anyway
            }
        }
        session = null;
        sessionEnded = false;
        if (webDriver != null) {
            webDriver.close();
            // keep the process object: deathNotice() reads how it ended until the next launch
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + WEBDRIVER, e);
        }
    }
}
