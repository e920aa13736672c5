package io.parbench.engines.browser;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A driver whose every relaunch is noted on the page it was relaunched for: a browser that died
 * between pages (killed, crashed while idle) is replaced without failing anything, and the
 * results must still say so. A browser that dies while a page runs fails that page instead, with
 * its death notice as the reason (see {@link PageFork}).
 */
final class RelaunchNotes implements BrowserDriver {

    private final BrowserDriver driver;

    RelaunchNotes(BrowserDriver driver) {
        this.driver = driver;
    }

    @Override
    public PageOutcome run(URI url, String task, Map<String, Object> config, Duration timeout) throws BrowserUnavailableException {
        int launches = driver.launches();
        String death = launches > 0 && !driver.running() ? driver.deathNotice() : null;
        PageOutcome outcome = driver.run(url, task, config, timeout);
        if (death == null || driver.launches() == launches) {
            return outcome;
        }
        List<String> notes = new ArrayList<>();
        notes.add(death + " before this page; " + driver.kind().id() + " was relaunched for it");
        notes.addAll(outcome.notes());
        return new PageOutcome(outcome.result(), outcome.failure(), notes, outcome.snapshot(), outcome.attempts());
    }

    @Override
    public BrowserKind kind() {
        return driver.kind();
    }

    @Override
    public boolean running() {
        return driver.running();
    }

    @Override
    public String deathNotice() {
        return driver.deathNotice();
    }

    @Override
    public int launches() {
        return driver.launches();
    }

    @Override
    public BrowserLocator.Found executable() {
        return driver.executable();
    }

    @Override
    public String version() {
        return driver.version();
    }

    @Override
    public Map<String, String> facts() {
        return driver.facts();
    }

    @Override
    public Optional<ProcessHandle> browserProcess() {
        return driver.browserProcess();
    }

    @Override
    public void close() {
        driver.close();
    }
}
