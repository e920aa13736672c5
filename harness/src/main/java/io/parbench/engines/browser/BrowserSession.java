package io.parbench.engines.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Playwright and one browser for a whole run, launched on first use and relaunched when it
 * crashed. Each launch gets a fresh profile from Playwright (deleted with the browser), and the
 * browser its own home and temporary folders (deleted on close), so nothing is written to the
 * user's browser profile.
 */
public final class BrowserSession implements AutoCloseable {

    /** This machine has no network beyond package registries: keep Chromium from calling home. */
    private static final List<String> CHROMIUM_ARGS = List.of(
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");
    private static final double LAUNCH_TIMEOUT_MILLIS = 30_000;

    private final BrowserKind kind;
    private final Path explicitPath;
    private Path workDir;
    private Playwright playwright;
    private BrowserLocator.Found executable;
    private Browser browser;
    private ProcessHandle browserProcess;
    private int launches;

    public BrowserSession(BrowserKind kind, Path explicitPath) {
        this.kind = kind;
        this.explicitPath = explicitPath;
    }

    /**
     * A fresh browser context (its own cookies, cache and renderer), on the running browser:
     * launched on first use, relaunched if it crashed or was closed since the last context.
     */
    public BrowserContext newContext() throws BrowserUnavailableException {
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

    /** The running browser: launched on first use, relaunched if it is known to be gone. */
    public Browser browser() throws BrowserUnavailableException {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        browser = null;
        try {
            browser = launch();
        } catch (PlaywrightException e) {
            // The Playwright driver may have gone down with the browser: start both afresh once.
            closePlaywright();
            browser = launch();
        }
        launches++;
        browserProcess = findBrowserProcess().orElse(null);
        return browser;
    }

    /**
     * What became of a browser that is no longer connected, for a failure's reason. Playwright
     * starts the browser, so its exit status is not ours to read; its process id and that it is
     * gone are.
     */
    public String deathNotice() {
        String which = kind.id() + (browserProcess == null ? "" : " (pid " + browserProcess.pid() + ")");
        if (browserProcess != null && browserProcess.isAlive()) {
            return "the connection to " + which + " was lost";
        }
        return which + " died (crashed or was killed)";
    }

    /** The browser's main process, once launched: this JVM's descendant with the session's home folder. */
    public java.util.Optional<ProcessHandle> browserProcess() {
        return java.util.Optional.ofNullable(browserProcess).filter(ProcessHandle::isAlive);
    }

    private java.util.Optional<ProcessHandle> findBrowserProcess() {
        if (workDir == null) {
            return java.util.Optional.empty();
        }
        String home = "HOME=" + workDir.resolve("home");
        String name = executable.executable().getFileName().toString();
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().orElse("").endsWith("/" + name))
                .filter(process -> !process.info().commandLine().orElse("--type=").contains("--type=")) // not a renderer or helper
                .filter(process -> ProcessEnvironment.of(process).contains(home))
                .findFirst();
    }

    /** Whether the browser is still there (false after a crash, until the next context relaunches it). */
    public boolean connected() {
        return browser != null && browser.isConnected();
    }

    /** How many times a browser was launched (more than once: it crashed and was relaunched). */
    public int launches() {
        return launches;
    }

    /** The executable in use, known after the first {@link #browser()}. */
    public BrowserLocator.Found executable() {
        return executable;
    }

    /** This session's private folder (the browser's home and temporary files); null before the first launch. */
    Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        closePlaywright();
        if (workDir != null) {
            deleteRecursively(workDir);
            workDir = null;
        }
    }

    private Browser launch() throws BrowserUnavailableException {
        if (executable == null) {
            executable = BrowserLocator.locate(kind, explicitPath, () -> {
                String own = type().executablePath();
                return own == null ? null : Path.of(own);
            });
        }
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setExecutablePath(executable.executable())
                .setHeadless(true)
                .setEnv(browserEnvironment())
                .setTimeout(LAUNCH_TIMEOUT_MILLIS);
        if (kind == BrowserKind.CHROMIUM) {
            options.setArgs(CHROMIUM_ARGS);
        }
        return type().launch(options);
    }

    private BrowserType type() {
        if (playwright == null) {
            // Only constants here: Playwright keeps the first environment it was given for every
            // later driver in this JVM. Per-session folders go to the browser at launch instead.
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        }
        return switch (kind) {
            case CHROMIUM -> playwright.chromium();
            case FIREFOX -> playwright.firefox();
            case WEBKIT -> playwright.webkit();
        };
    }

    // Playwright replaces the browser's environment with this one.
    private Map<String, String> browserEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", folder("home").toString());
        env.put("XDG_CONFIG_HOME", folder("home/.config").toString());
        env.put("XDG_CACHE_HOME", folder("home/.cache").toString());
        env.put("TMPDIR", folder("tmp").toString());
        return env;
    }

    private Path folder(String name) {
        try {
            if (workDir == null) {
                workDir = Files.createTempDirectory("parbench-browser-");
            }
            return Files.createDirectories(workDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the browser's temporary folder: " + e.getMessage(), e);
        }
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

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary folder is harmless
        }
    }
}
