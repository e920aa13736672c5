package io.parbench.engines.browser;

import io.parbench.engines.EngineOptions;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.Configuration;
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
 * @param minimumWarmup how long a page warms up at least, however few warm-up iterations are
 *     asked for (default {@link #DEFAULT_MINIMUM_WARMUP})
 * @param remote the WebDriver endpoint sessions are created at, or null to launch the browser here
 */
public record BrowserEngineOptions(
        BrowserKind browser, Path browserPath, boolean isolation, Duration forkTimeout, long seed,
        Duration minimumWarmup, RemoteEndpoint remote) {

    /**
     * A fresh page runs slower for its first second or two (measured: 1.5 s to steady state on a
     * 2-core machine, longer with more workers busy), so it warms up at least this long.
     */
    public static final Duration DEFAULT_MINIMUM_WARMUP = Duration.ofSeconds(2);

    public BrowserEngineOptions {
        if (browser == null) {
            throw new IllegalArgumentException("browser must be given");
        }
        if (forkTimeout != null && (forkTimeout.isNegative() || forkTimeout.isZero())) {
            throw new IllegalArgumentException("forkTimeout must be positive, was " + forkTimeout);
        }
        if (minimumWarmup == null || minimumWarmup.isNegative()) {
            throw new IllegalArgumentException("minimumWarmup must be zero or more, was " + minimumWarmup);
        }
        if (remote == null && !browser.local()) {
            throw new IllegalArgumentException(browser.id() + " runs only on another machine: reach it with --webdriver-url "
                    + "(a Selenium Grid or its WebDriver server).");
        }
    }

    /** Chromium found on this machine, isolated, automatic timeout, the default seed. */
    public static BrowserEngineOptions defaults() {
        return new BrowserEngineOptions(BrowserKind.CHROMIUM, null, true, null, KernelSpec.DEFAULT_SEED, DEFAULT_MINIMUM_WARMUP, null);
    }

    /** The browser settings among the command line's engine options. */
    public static BrowserEngineOptions from(EngineOptions options) {
        return new BrowserEngineOptions(BrowserKind.parse(options.browser()), options.browserPath(), options.isolation(),
                options.timeout(), options.seed(), DEFAULT_MINIMUM_WARMUP, options.remote());
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
     * What every driver page reads to measure a configuration (driver.js and byo/driver.js); each
     * engine adds what names its kernel.
     */
    public Map<String, Object> pageConfig(Configuration configuration, MeasurementSettings settings) {
        Map<String, Object> config = new LinkedHashMap<>();
        // 64-bit values travel as decimal strings: JS numbers hold only 53 bits.
        config.put("size", Long.toString(configuration.size()));
        config.put("seed", Long.toUnsignedString(seed));
        config.put("workers", configuration.workers());
        config.put("warmupIterations", settings.warmupIterations());
        config.put("iterations", settings.iterations());
        config.put("iterationMillis", (double) settings.iterationMillis()); // Playwright passes no Long
        config.put("minimumWarmupMillis", (double) minimumWarmup.toMillis());
        return config;
    }

    /**
     * The configured timeout per fork, or by default 30 s for loading the page and the pool plus
     * three times the fork's planned duration (a step may well outlast an iteration).
     */
    public Duration timeoutFor(MeasurementSettings settings) {
        if (forkTimeout != null) {
            return forkTimeout;
        }
        long warmupMillis = Math.max((long) settings.warmupIterations() * settings.iterationMillis(), minimumWarmup.toMillis());
        long plannedMillis = warmupMillis + (long) settings.iterations() * settings.iterationMillis();
        return Duration.ofSeconds(30).plusMillis(3 * plannedMillis);
    }
}
