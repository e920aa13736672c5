package io.parbench.engines.browser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser launched on this machine, whatever protocol drives it: what every local driver does
 * alike. It finds the executable once, launches the browser on first use and again after it
 * died (stopping what is left of the last one first), counts the launches, gives the browser a
 * private {@link WorkFolder} and deletes it on close.
 */
public abstract class LocalDriver implements BrowserDriver {

    private final BrowserKind kind;
    private final Path explicitPath;
    private final WorkFolder folder;
    private BrowserLocator.Found executable;
    private String version;
    private int launches;

    /**
     * @param explicitPath the browser's path from --browser-path, or null to find it
     * @param folderPrefix the name of the browser's private temporary folder begins so
     */
    protected LocalDriver(BrowserKind kind, Path explicitPath, String folderPrefix) {
        this.kind = kind;
        this.explicitPath = explicitPath;
        this.folder = new WorkFolder(folderPrefix);
    }

    @Override
    public final BrowserKind kind() {
        return kind;
    }

    @Override
    public final int launches() {
        return launches;
    }

    @Override
    public final BrowserLocator.Found executable() {
        return executable;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final void close() {
        stop();
        closeLauncher();
        folder.delete();
    }

    /** Launches the browser unless it runs: what is left of the last one is stopped first. */
    protected final void ensureRunning() throws BrowserUnavailableException {
        if (running()) {
            return;
        }
        stop();
        launch();
        launches++;
    }

    /**
     * Starts the browser (found with {@link #locate()}) and what drives it, and records its
     * {@link #launched version}.
     *
     * @throws BrowserUnavailableException when it does not start, with what to check
     */
    protected abstract void launch() throws BrowserUnavailableException;

    /** Ends the browser launched last and what drives it, if anything of them is left. */
    protected abstract void stop();

    /** Closes what outlives a relaunch (Playwright's driver, WebKit's X display): on close only; nothing by default. */
    protected void closeLauncher() {}

    /** The browser executable: found on the first launch, the same for every later one. */
    protected final Path locate() throws BrowserUnavailableException {
        if (executable == null) {
            executable = BrowserLocator.locate(kind, explicitPath, this::playwrightsOwn);
        }
        return executable.executable();
    }

    /** Where Playwright keeps its own build of this browser, asked only when nothing else is found; none by default. */
    protected Path playwrightsOwn() {
        return null;
    }

    /** Records the version of the browser just launched. */
    protected final void launched(String browserVersion) {
        this.version = browserVersion;
    }

    /** The browser's private folder (home, profiles, temporary files). */
    protected final WorkFolder folder() {
        return folder;
    }

    /** The browser's whole environment: this process's, with home and temporary folders in the private folder. */
    protected final Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(folder.environment());
        return env;
    }
}
