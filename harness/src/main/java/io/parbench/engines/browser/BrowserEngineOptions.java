package io.parbench.engines.browser;

import io.parbench.engines.EngineOptions;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.MeasurementSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a browser engine runs.
 *
 * @param browser which browser runs the pages
 * @param browserPath its executable; null to look for it (see {@link BrowserLocator})
 * @param isolation serve the pages cross-origin isolated (COOP/COEP); false measures the
 *     single-threaded fallback a site without those headers gets
 * @param forkTimeout how long each fork (one page) of a configuration may take before its page is
 *     killed and the configuration is recorded as failed; null for {@link #timeoutFor automatic}
 * @param seed the input seed of the kernels (KERNELS.md; default {@link KernelSpec#DEFAULT_SEED})
 * @param minimumWarmup how long a page warms up at least before its iterations may count as steady;
 *     null for the browser's own floor ({@link BrowserKind#warmupFloor})
 * @param remote the WebDriver endpoint sessions are created at, or null to launch the browser here
 */
public record BrowserEngineOptions(
        BrowserKind browser, Path browserPath, boolean isolation, Duration forkTimeout, long seed,
        Duration minimumWarmup, RemoteEndpoint remote) {

    /** A page that is not steady after this long is measured anyway (with a note). */
    public static final Duration MAXIMUM_WARMUP = Duration.ofSeconds(3);
    /** The warm-up's slices, and how far apart the last ones may be and still count as steady. */
    private static final Duration WARMUP_SLICE = Duration.ofMillis(50);
    /**
     * Slices in a window of the steady rule (measure.js steady): a page is steady once the median
     * rate of each point's last window agrees with the window before, on average over its points.
     */
    private static final int STEADY_WINDOW_SLICES = 3;
    private static final double STEADY_TOLERANCE = 0.05;
    /** How long after the earliest it may the steady rule typically says a page is steady (see {@link #typicalSetUp}). */
    private static final Duration STEADY_AFTER_RULE = Duration.ofMillis(500);
    /** What a page takes before it warms up: loading, compiling the module, starting the pool, making the input. */
    private static final Duration PAGE_SET_UP = Duration.ofMillis(700);
    /** The least a fork's watchdog allows, however short the fork: loading the page and starting the pool on a busy machine. */
    private static final Duration PAGE_START_UP = Duration.ofSeconds(30);

    public BrowserEngineOptions {
        if (browser == null) {
            throw new IllegalArgumentException("browser must be given");
        }
        if (forkTimeout != null && (forkTimeout.isNegative() || forkTimeout.isZero())) {
            throw new IllegalArgumentException("forkTimeout must be positive, was " + forkTimeout);
        }
        if (minimumWarmup != null && minimumWarmup.isNegative()) {
            throw new IllegalArgumentException("minimumWarmup must be zero or more, was " + minimumWarmup);
        }
        if (remote == null && !browser.local()) {
            throw new IllegalArgumentException(browser.id() + " runs only on another machine: reach it with --webdriver-url "
                    + "(a Selenium Grid or its WebDriver server).");
        }
    }

    /** Chromium found on this machine, isolated, automatic timeout, the default seed. */
    public static BrowserEngineOptions defaults() {
        return new BrowserEngineOptions(BrowserKind.CHROMIUM, null, true, null, KernelSpec.DEFAULT_SEED, null, null);
    }

    /** The browser settings among the command line's engine options. */
    public static BrowserEngineOptions from(EngineOptions options) {
        return new BrowserEngineOptions(BrowserKind.parse(options.browser()), options.browserPath(), options.isolation(),
                options.timeout(), options.seed(), null, options.remote());
    }

    public BrowserEngineOptions withBrowser(BrowserKind newBrowser) {
        return new BrowserEngineOptions(newBrowser, browserPath, isolation, forkTimeout, seed, minimumWarmup, remote);
    }

    public BrowserEngineOptions withBrowserPath(Path newPath) {
        return new BrowserEngineOptions(browser, newPath, isolation, forkTimeout, seed, minimumWarmup, remote);
    }

    public BrowserEngineOptions withIsolation(boolean newIsolation) {
        return new BrowserEngineOptions(browser, browserPath, newIsolation, forkTimeout, seed, minimumWarmup, remote);
    }

    public BrowserEngineOptions withForkTimeout(Duration newTimeout) {
        return new BrowserEngineOptions(browser, browserPath, isolation, newTimeout, seed, minimumWarmup, remote);
    }

    /** These options with sessions created at a WebDriver endpoint (null: the browser is launched here). */
    public BrowserEngineOptions withRemote(RemoteEndpoint newRemote) {
        return new BrowserEngineOptions(browser, browserPath, isolation, forkTimeout, seed, minimumWarmup, newRemote);
    }

    /** Tests use a short warm-up: they check what pages compute, not how fast. */
    public BrowserEngineOptions withMinimumWarmup(Duration newMinimum) {
        return new BrowserEngineOptions(browser, browserPath, isolation, forkTimeout, seed, newMinimum, remote);
    }

    /**
     * What every driver page reads to measure a fork (driver.js and byo/driver.js); each engine
     * adds what names its kernel.
     */
    public Map<String, Object> pageConfig(ForkPlan fork) {
        MeasurementSettings settings = fork.settings();
        Map<String, Object> config = new LinkedHashMap<>();
        // 64-bit values travel as decimal strings: JS numbers hold only 53 bits.
        config.put("size", Long.toString(fork.series().size()));
        config.put("seed", Long.toUnsignedString(seed));
        config.put("blocks", fork.order().stream().map(b -> Map.of("side", b.side().id(), "workers", b.workers())).toList());
        config.put("iterationMillis", (double) settings.iterationMillis()); // Playwright passes no Long
        Duration least = leastWarmup(settings);
        config.put("warmup", Map.of(
                "minMillis", (double) least.toMillis(),
                "maxMillis", (double) Math.max(least.toMillis(), MAXIMUM_WARMUP.toMillis()),
                "sliceMillis", (double) WARMUP_SLICE.toMillis(),
                "windowSlices", STEADY_WINDOW_SLICES,
                "tolerance", STEADY_TOLERANCE));
        return config;
    }

    /** The least a page warms up: the browser's floor (or the one set), and at least the warm-up iterations asked for. */
    private Duration leastWarmup(MeasurementSettings settings) {
        Duration floor = minimumWarmup != null ? minimumWarmup : browser.warmupFloor();
        Duration iterations = Duration.ofMillis(settings.warmupIterations() * settings.iterationMillis());
        return floor.compareTo(iterations) > 0 ? floor : iterations;
    }

    /**
     * What a page takes beside its blocks, about: the browser's page set-up and a typical warm-up (for
     * estimates). A page may be steady at the earliest after the browser's floor and after two
     * windows of slices of every point (a side's worker count), whichever is later, and typically
     * says so ~0.5 s after that: three quiet default sweeps (December 6, 48 pages per browser, three
     * points) were steady after 2.3 s on average in Chromium (floor 2 s), 1.6 s in Firefox (1.2 s)
     * and 1.5 s in WebKit (its rule's 0.9 s); one on December 7 (another machine) after 1.47 s in
     * Chromium with its floor at 1.2 s.
     */
    public Duration typicalSetUp(ForkPlan fork) {
        long points = fork.order().stream().distinct().count();
        Duration rule = WARMUP_SLICE.multipliedBy(2L * STEADY_WINDOW_SLICES * points);
        Duration least = leastWarmup(fork.settings());
        Duration warmup = (least.compareTo(rule) > 0 ? least : rule).plus(STEADY_AFTER_RULE);
        return browser.typicalPageSetUp().plus(warmup.compareTo(MAXIMUM_WARMUP) < 0 ? warmup : MAXIMUM_WARMUP);
    }

    /** How long a fork's page may take (see {@link ForkPlan#timeout}); the longest warm-up counts. */
    public Duration timeoutFor(ForkPlan fork) {
        return fork.timeout(forkTimeout, PAGE_START_UP, PAGE_SET_UP.plus(MAXIMUM_WARMUP));
    }
}
