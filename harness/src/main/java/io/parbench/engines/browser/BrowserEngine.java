package io.parbench.engines.browser;

import io.parbench.engines.Engine;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.machine.MachineSampler;
import io.parbench.machine.ProcessTree;
import io.parbench.machine.WorkerThreads;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.serving.AssetRoot;
import io.parbench.serving.AssetServer;
import io.parbench.serving.ServeAddress;
import io.parbench.text.ErrorText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every engine that measures in a browser shares: its pages served on first use by an
 * {@link AssetServer} (with COOP/COEP/CORP unless --no-isolation; over HTTPS on --serve-address
 * for a browser on another machine), the probe page, and one
 * fresh page per fork through a {@link BrowserDriver}, whichever browser and protocol that is.
 * Subclasses say what is served and what their pages are told.
 */
public abstract class BrowserEngine implements Engine {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    protected final BrowserEngineOptions options;
    protected final BrowserDriver driver;
    private final boolean ownDriver;
    private AssetServer server;

    /**
     * @param driver the browser the pages run in
     * @param ownDriver whether the engine closes the driver (false: shared with other engines,
     *     e.g. tests with one browser for many)
     */
    protected BrowserEngine(BrowserEngineOptions options, BrowserDriver driver, boolean ownDriver) {
        this.options = options;
        this.driver = new RelaunchNotes(driver);
        this.ownDriver = ownDriver;
    }

    /** What the server serves: first path segment → files (see {@link AssetServer}). */
    protected abstract Map<String, AssetRoot> mounts() throws IOException;

    /** The page's path below the server's root. */
    protected abstract String pagePath();

    /** Why the engine's own files are missing (and the fix), or null when they are there. */
    protected abstract EngineFacts missingFiles();

    /** What the probe page is told. */
    protected abstract Map<String, Object> probeConfig();

    /**
     * The probe's answer turned into facts; {@code facts} holds what every browser engine records.
     */
    protected abstract EngineFacts probed(PageResult page, Map<String, String> facts);

    /** Why the probe page gave no answer, in the engine's words. */
    protected String probeFailed(PageOutcome outcome) {
        return "the probe page failed: " + outcome.failure() + notesSuffix(outcome.notes());
    }

    /** Called once the server runs, with its origin (e.g. for URLs in messages). */
    protected void served(URI origin) {}

    @Override
    public Duration typicalSetUp(ForkPlan fork) {
        return options.typicalSetUp(fork);
    }

    @Override
    public EngineFacts probe() {
        EngineFacts missing = missingFiles();
        if (missing != null) {
            return missing;
        }
        try {
            PageOutcome outcome = driver.run(pageUrl(), "probe", probeConfig(), PROBE_TIMEOUT);
            if (outcome.failed()) {
                return EngineFacts.unavailable(name(), probeFailed(outcome), probeFix());
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put(FactKeys.EXECUTABLE, driver.executable().executable().toString());
            facts.put(FactKeys.EXECUTABLE_SOURCE, driver.executable().source());
            facts.putAll(driver.facts());
            facts.put(FactKeys.ISOLATION_SERVED, Boolean.toString(options.isolation()));
            if (options.remote() != null) {
                facts.put(FactKeys.PAGES_ORIGIN, origin());
            }
            return refusedIsolation(probed(new PageResult(outcome.result()), facts));
        } catch (BrowserUnavailableException e) {
            return EngineFacts.unavailable(name(), e.reason(), e.fix());
        } catch (IOException | RuntimeException e) {
            return EngineFacts.unavailable(name(), "could not start " + options.browser().id() + ": " + ErrorText.summary(e.getMessage()),
                    "check that the browser starts on this machine, or pass another with --browser-path");
        }
    }

    /** What to do when the probe page failed: for a remote browser, most likely it never got the pages. */
    private String probeFix() {
        if (options.remote() == null) {
            return "run 'parbench doctor'; if the page itself fails, rebuild it (mvn -pl bench-wasm compile)";
        }
        if (!options.remote().servesSecurely()) {
            return "a browser on another machine cannot reach this one's loopback address: give --serve-address with an "
                    + "address of this machine it can reach (" + addresses() + ")";
        }
        return "check that the remote browser reaches " + origin() + " (no firewall or proxy between the machines) and accepts the"
                + " run's self-signed certificate (the acceptInsecureCerts capability, which a Grid node may forbid)";
    }

    /**
     * A remote browser that got the isolation headers but does not count the page as cross-origin
     * isolated (no secure context: plain http on a LAN address, or a certificate it rejected) would
     * measure only the single-threaded fallback: said here, with the fix, instead.
     */
    private EngineFacts refusedIsolation(EngineFacts probed) {
        if (options.remote() == null || !options.isolation() || probed.browser() == null || probed.browser().crossOriginIsolated()) {
            return probed;
        }
        return EngineFacts.unavailable(name(), "the remote " + options.browser().id() + " does not count pages from " + origin()
                + " as cross-origin isolated, so its workers would get no shared memory",
                options.remote().servesSecurely()
                        ? "let the session accept the run's self-signed certificate (the acceptInsecureCerts capability; a Grid node "
                                + "may forbid it), or measure the fallback on purpose with --no-isolation"
                        : "serve the pages over HTTPS with --serve-address and an address of this machine (" + addresses() + ")");
    }

    /** The server's scheme, address and port: the pages' origin, without the secret path below it. */
    private String origin() {
        URI root = server.url("");
        return root.getScheme() + "://" + root.getRawAuthority();
    }

    private static String addresses() {
        return String.join(", ", ServeAddress.nonLoopback().stream().map(InetAddress::getHostAddress).toList());
    }

    /** Measures a fork on a fresh page (see {@link PageFork}). */
    protected ForkMeasurement measurePage(Map<String, Object> config, ForkPlan fork, PageFork.Wording wording) throws IOException {
        return measurePage(config, fork, wording, answer -> { });
    }

    /** As above; {@code answer} sees the page's answer when it measured (status ok or fallback). */
    protected ForkMeasurement measurePage(Map<String, Object> config, ForkPlan fork, PageFork.Wording wording,
            Consumer<PageResult> answer) throws IOException {
        try (MachineSampler machine = machineSampler()) {
            return PageFork.measure(driver, pageUrl(), config, fork, options.timeoutFor(fork), wording, answer).withMachine(machine::between);
        }
    }

    /** What the machine gives the page's worker threads, sampled beside it (io.parbench.machine): local browsers only. */
    private MachineSampler machineSampler() {
        String browser = options.browser().id();
        if (options.remote() != null) {
            return MachineSampler.unavailable("the browser runs on another machine (" + browser + " through WebDriver), whose threads"
                    + " parbench cannot see");
        }
        return MachineSampler.start(ProcessTree.browser(browser, driver::browserProcess), WorkerThreads.of(browser).orElseThrow());
    }

    /** The browser's probe, for {@link #probed}. */
    protected io.parbench.results.BrowserProbe browserProbe(PageResult page) {
        return page.browserProbe(options.browser().id(), driver.version(), options.isolation());
    }

    /** The driver, for tests that need to see relaunches or processes. */
    public BrowserDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        if (ownDriver) {
            driver.close();
        }
        if (server != null) {
            server.close();
        }
    }

    protected URI pageUrl() throws IOException {
        if (server == null) {
            RemoteEndpoint remote = options.remote();
            server = remote != null && remote.servesSecurely()
                    ? AssetServer.startSecure(mounts(), options.isolation(), remote.serveAddress())
                    : AssetServer.start(mounts(), options.isolation());
            served(server.url(""));
        }
        return server.url(pagePath());
    }

    protected static String notesSuffix(List<String> notes) {
        return notes.isEmpty() ? "" : " (console: " + String.join(" | ", notes) + ")";
    }
}
