package io.parbench.engines.browser;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One browser driven through one protocol (Playwright, WebDriver BiDi or classic WebDriver):
 * what a browser engine needs to run parbench's pages, so that measuring is written once.
 *
 * <p>The browser is launched on first use and relaunched after it died; each {@link #run} gets a
 * fresh page (a new browsing context or window) that is closed afterwards, however stuck its
 * workers are.
 */
public interface BrowserDriver extends AutoCloseable {

    BrowserKind kind();

    /**
     * Runs one task of the page protocol (bench-wasm/src/main/js/main.js) on a fresh page: loads
     * {@code url}, calls {@code parbench.start(task, config)} and waits for {@code parbench.result}.
     *
     * @param timeout how long the page may take, loading included; a page still running then is closed
     * @throws BrowserUnavailableException when the browser cannot be found or (re)launched
     */
    PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException;

    /** Whether the browser launched last is still there (false after it died, until the next run relaunches it). */
    boolean running();

    /** What became of a browser that is no longer {@link #running()}: which process, its exit status where known. */
    String deathNotice();

    /** How many times a browser was launched (more than once: it died and was relaunched). */
    int launches();

    /** The browser executable, known after the first launch. */
    BrowserLocator.Found executable();

    /** The browser's version, known after the first launch. */
    String version();

    /** What else is worth recording about how the browser runs (protocol, driver, environment). */
    Map<String, String> facts();

    /** The browser's main process while it runs. */
    Optional<ProcessHandle> browserProcess();

    /** Stops the browser and every process it started, and deletes its temporary folders. */
    @Override
    void close();
}
