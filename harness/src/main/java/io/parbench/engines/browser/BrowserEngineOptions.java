package io.parbench.engines.browser;

import io.parbench.engines.EngineOptions;
import io.parbench.results.MeasurementSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a browser engine runs.
 *
 * @param browser which browser Playwright drives
 * @param browserPath its executable; null to look for it (see {@link BrowserLocator})
 * @param isolation serve the pages cross-origin isolated (COOP/COEP); false measures the
 *     single-threaded fallback a site without those headers gets
 * @param configurationTimeout how long one configuration (all its forks) may take before its page
 *     is killed and it is recorded as failed; null for {@link #timeoutFor automatic}
 * @param seed the input seed of the kernels (KERNELS.md; default 42)
 */
public record BrowserEngineOptions(
        BrowserKind browser, Path browserPath, boolean isolation, Duration configurationTimeout, long seed) {

    public static final long DEFAULT_SEED = 42;

    public BrowserEngineOptions {
        if (browser == null) {
            throw new IllegalArgumentException("browser must be given");
        }
        if (configurationTimeout != null && (configurationTimeout.isNegative() || configurationTimeout.isZero())) {
            throw new IllegalArgumentException("configurationTimeout must be positive, was " + configurationTimeout);
        }
    }

    /** Chromium found on this machine, isolated, automatic timeout, seed 42. */
    public static BrowserEngineOptions defaults() {
        return new BrowserEngineOptions(BrowserKind.CHROMIUM, null, true, null, DEFAULT_SEED);
    }

    /** The browser settings among the command line's engine options. */
    public static BrowserEngineOptions from(EngineOptions options) {
        return new BrowserEngineOptions(BrowserKind.parse(options.browser()), options.browserPath(), options.isolation(),
                options.timeout(), options.seed());
    }

    public BrowserEngineOptions withBrowserPath(Path newPath) {
        return new BrowserEngineOptions(browser, newPath, isolation, configurationTimeout, seed);
    }

    public BrowserEngineOptions withIsolation(boolean newIsolation) {
        return new BrowserEngineOptions(browser, browserPath, newIsolation, configurationTimeout, seed);
    }

    public BrowserEngineOptions withConfigurationTimeout(Duration newTimeout) {
        return new BrowserEngineOptions(browser, browserPath, isolation, newTimeout, seed);
    }

    /**
     * The configured timeout, or by default 30 s per fork for loading and the pool plus three
     * times the iterations' planned duration (a step may well outlast an iteration).
     */
    public Duration timeoutFor(MeasurementSettings settings) {
        if (configurationTimeout != null) {
            return configurationTimeout;
        }
        long plannedMillis = (long) (settings.warmupIterations() + settings.iterations()) * settings.iterationMillis();
        return Duration.ofSeconds(30).plusMillis(3 * plannedMillis).multipliedBy(Math.max(1, settings.forks()));
    }
}
