package io.parbench.engines.browser.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.LocalDriver;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.PageRun;
import io.parbench.engines.browser.PageSession;
import io.parbench.process.ProcessEnvironment;
import io.parbench.results.FactKeys;
import io.parbench.text.ErrorText;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Chromium driven by Playwright: one Playwright and one browser for a whole run, launched on
 * first use and relaunched when it crashed; each page in a fresh browser context. Each launch
 * gets a fresh profile from Playwright (deleted with the browser), and the browser its own
 * home and temporary folders (deleted on close), so nothing is written to the user's profile.
 */
public final class PlaywrightDriver extends LocalDriver {

    /**
     * The features Playwright turns off in Chromium (its chromiumSwitches.js, this version's): Chromium
     * keeps only the last --disable-features, so ours must repeat them. PlaywrightDriverTest checks
     * them against the command line Playwright gives the browser.
     */
    static final List<String> PLAYWRIGHT_DISABLED_FEATURES = List.of("AcceptCHFrame", "AvoidUnnecessaryBeforeUnloadCheckSync",
            "DestroyProfileOnBrowserClose", "DialMediaRouteProvider", "GlobalMediaControls", "HttpsUpgrades", "LensOverlay", "MediaRouter",
            "PaintHolding", "ThirdPartyStoragePartitioning", "Translate", "AutoDeElevate", "RenderDocument");
    /** No network beyond package registries here: keep Chromium from calling home; and no omnibox WebUI (BrowserKind). */
    private static final List<String> CHROMIUM_ARGS = List.of(
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--disable-features=" + String.join(",", PLAYWRIGHT_DISABLED_FEATURES) + ","
                    + String.join(",", BrowserKind.CHROMIUM_OMNIBOX_WEBUI));
    private static final double LAUNCH_TIMEOUT_MILLIS = 30_000;
    private static final double POLL_MILLIS = 50;

    private Playwright playwright;
    private Browser browser;
    private ProcessHandle browserProcess;

    public PlaywrightDriver(BrowserKind kind, Path explicitPath) {
        super(kind, explicitPath, "browser-");
    }

    @Override
    public PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException {
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        BrowserContext context = newContext();
        try {
            Page page = context.newPage();
            page.onConsoleMessage(message -> {
                if (message.type().equals("error") || message.type().equals("warning")) {
                    notes.add(message.type() + ": " + message.text());
                }
            });
            page.onPageError(error -> notes.add("uncaught: " + error));
            page.onCrash(crashed -> notes.add("the page crashed (its renderer process died)"));
            return PageRun.run(new PlaywrightPage(page, notes), url, task, config, timeout, this::running);
        } catch (PlaywrightException e) {
            return PageOutcome.failed("browser error: " + ErrorText.summary(e.getMessage()), List.copyOf(notes));
        } finally {
            closeQuietly(context);
        }
    }

    /** A Playwright page as the page protocol needs it; its notes are what its console showed. */
    private record PlaywrightPage(Page page, List<String> console) implements PageSession {

        @Override
        public void navigate(URI url, Duration timeout) throws PageException {
            call(() -> page.navigate(url.toString(), new Page.NavigateOptions().setTimeout(timeout.toMillis())));
        }

        @Override
        public String evaluate(String expression, Duration timeout) throws PageException {
            return call(() -> String.valueOf(page.evaluate(expression)));
        }

        /** Playwright's evaluate has no timeout, so the reply is left on the page and waited for with one. */
        @Override
        public String awaitCallback(String function, Duration timeout) throws PageException {
            return call(() -> {
                page.evaluate("() => { window.parbenchReply = undefined; (" + function + ")((reply) => { window.parbenchReply = reply; }); }");
                return String.valueOf(page.waitForFunction("() => window.parbenchReply", null,
                        new Page.WaitForFunctionOptions().setTimeout(timeout.toMillis()).setPollingInterval(POLL_MILLIS)).jsonValue());
            });
        }

        @Override
        public List<String> notes(Duration timeout) {
            synchronized (console) {
                return List.copyOf(console);
            }
        }

        private static <T> T call(java.util.function.Supplier<T> command) throws PageException {
            try {
                return command.get();
            } catch (TimeoutError e) {
                throw new PageException(e.getMessage(), true, e);
            } catch (PlaywrightException e) {
                throw new PageException(e.getMessage(), false, e);
            }
        }
    }

    /** Connected, and its process alive: a browser killed a moment ago is often still "connected". */
    @Override
    public boolean running() {
        return browser != null && browser.isConnected() && (browserProcess == null || browserProcess.isAlive());
    }

    /** Playwright starts the browser, so its exit status is not ours to read; its process id and that it is gone are. */
    @Override
    public String deathNotice() {
        String which = kind().id() + (browserProcess == null ? "" : " (pid " + browserProcess.pid() + ")");
        if (browserProcess != null && !exits(browserProcess)) {
            return "the connection to " + which + " was lost";
        }
        return which + " died (crashed or was killed)";
    }

    /**
     * Whether the process is gone or goes within a moment: a killed browser is a zombie until
     * Playwright's driver, its parent, reaps it, and the lost connection is often noticed first.
     */
    private static boolean exits(ProcessHandle process) {
        try {
            process.onExit().get(2, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public Map<String, String> facts() {
        return Map.of(FactKeys.DRIVER, "Playwright");
    }

    @Override
    public Optional<ProcessHandle> browserProcess() {
        return Optional.ofNullable(browserProcess).filter(ProcessHandle::isAlive);
    }

    /** This driver's private folder (the browser's home and temporary files); null before the first launch. */
    Path workDir() {
        return folder().path();
    }

    /** A fresh context on the running browser: launched on first use, relaunched if it crashed or was closed. */
    private BrowserContext newContext() throws BrowserUnavailableException {
        Browser running = browser();
        try {
            return running.newContext();
        } catch (PlaywrightException e) {
            // A crash is only noticed by the next call that needs the browser: this one.
            if (running.isConnected()) {
                throw e;
            }
            return browser().newContext();
        }
    }

    private Browser browser() throws BrowserUnavailableException {
        ensureRunning();
        return browser;
    }

    @Override
    protected void launch() throws BrowserUnavailableException {
        try {
            try {
                browser = start();
            } catch (PlaywrightException e) {
                // The Playwright driver may have gone down with the browser: start both afresh once.
                closePlaywright();
                browser = start();
            }
        } catch (PlaywrightException e) {
            throw new BrowserUnavailableException("could not launch " + kind().id() + ": " + ErrorText.summary(e.getMessage()),
                    "check that the browser starts headless on this machine, or pass another with --browser-path");
        }
        launched(browser.version());
        browserProcess = findBrowserProcess().orElse(null);
    }

    /** A browser that died is Playwright's to reap: the next launch only replaces it. */
    @Override
    protected void stop() {
        browser = null;
    }

    @Override
    protected void closeLauncher() {
        closePlaywright();
    }

    @Override
    protected Path playwrightsOwn() {
        String own = type().executablePath();
        return own == null ? null : Path.of(own);
    }

    private Browser start() throws BrowserUnavailableException {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setExecutablePath(locate())
                .setHeadless(true)
                .setEnv(environment()) // Playwright replaces the browser's environment with this one
                .setTimeout(LAUNCH_TIMEOUT_MILLIS);
        if (kind() == BrowserKind.CHROMIUM) {
            options.setArgs(CHROMIUM_ARGS);
        }
        return type().launch(options);
    }

    private BrowserType type() {
        if (playwright == null) {
            // Only constants here: Playwright keeps the first environment it was given for every
            // later driver in this JVM. Per-session folders go to the browser at launch instead.
            UnpackedDriver.use();
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        }
        return switch (kind()) {
            case CHROMIUM -> playwright.chromium();
            case FIREFOX -> playwright.firefox();
            case WEBKIT -> playwright.webkit();
            // Playwright has these three browsers and no other: a browser parbench adds is not one of them.
            default -> throw new IllegalStateException("Playwright launches no " + kind().id());
        };
    }

    /** The browser's main process: this JVM's descendant with the driver's home folder that is not a renderer or helper. */
    private Optional<ProcessHandle> findBrowserProcess() {
        String home = "HOME=" + folder().path().resolve("home");
        String name = executable().executable().getFileName().toString();
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().orElse("").endsWith("/" + name))
                .filter(process -> !process.info().commandLine().orElse("--type=").contains("--type="))
                .filter(process -> ProcessEnvironment.of(process).contains(home))
                .findFirst();
    }

    private void closePlaywright() {
        if (playwright != null) {
            try {
                playwright.close(); // closes its browsers too
            } catch (PlaywrightException e) {
                // already gone; nothing left to close
            }
        }
        playwright = null;
        browser = null;
    }

    private static void closeQuietly(BrowserContext context) {
        try {
            context.close();
        } catch (PlaywrightException e) {
            // the browser is gone already; the next run relaunches it
        }
    }
}
