package io.parbench.engines.browser;

import io.parbench.engines.EngineOptions;
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
 * @param browser which browser Playwright drives
 * @param browserPath its executable; null to look for it (see {@link BrowserLocator})
 * @param isolation serve the pages cross-origin isolated (COOP/COEP); false measures the
 *     single-threaded fallback a site without those headers gets
 * @param configurationTimeout how long one configuration (all its forks) may take before its page
 *     is killed and it is recorded as failed; null for {@link #timeoutFor automatic}
 * @param seed the input seed of the kernels (KERNELS.md; default {@link KernelSpec#DEFAULT_SEED})
 * @param minimumWarmup how long a page warms up at least, however few warm-up iterations are
 *     asked for (default {@link #DEFAULT_MINIMUM_WARMUP})
 */
public record BrowserEngineOptions(
        BrowserKind browser, Path browserPath, boolean isolation, Duration configurationTimeout, long seed,
        Duration minimumWarmup) {

    /**
     * A fresh page runs slower for its first second or two (measured: 1.5 s to steady state on a
     * 2-core machine, longer with more workers busy), so it warms up at least this long.
     */
    public static final Duration DEFAULT_MINIMUM_WARMUP = Duration.ofSeconds(2);

    public BrowserEngineOptions {
        if (browser == null) {
            throw new IllegalArgumentException("browser must be given");
        }
        if (configurationTimeout != null && (configurationTimeout.isNegative() || configurationTimeout.isZero())) {
            throw new IllegalArgumentException("configurationTimeout must be positive, was " + configurationTimeout);
        }
        if (minimumWarmup == null || minimumWarmup.isNegative()) {
            throw new IllegalArgumentException("minimumWarmup must be zero or more, was " + minimumWarmup);
        }
    }

    /** Chromium found on this machine, isolated, automatic timeout, the default seed. */
    public static BrowserEngineOptions defaults() {
        return new BrowserEngineOptions(BrowserKind.CHROMIUM, null, true, null, KernelSpec.DEFAULT_SEED, DEFAULT_MINIMUM_WARMUP);
    }

    /** The browser settings among the command line's engine options. */
    public static BrowserEngineOptions from(EngineOptions options) {
        return new BrowserEngineOptions(BrowserKind.parse(options.browser()), options.browserPath(), options.isolation(),
                options.timeout(), options.seed(), DEFAULT_MINIMUM_WARMUP);
    }

    public BrowserEngineOptions withBrowserPath(Path newPath) {
        return new BrowserEngineOptions(browser, newPath, isolation, configurationTimeout, seed, minimumWarmup);
    }

    public BrowserEngineOptions withIsolation(boolean newIsolation) {
        return new BrowserEngineOptions(browser, browserPath, newIsolation, configurationTimeout, seed, minimumWarmup);
    }

    public BrowserEngineOptions withConfigurationTimeout(Duration newTimeout) {
        return new BrowserEngineOptions(browser, browserPath, isolation, newTimeout, seed, minimumWarmup);
    }

    /** Tests use a short warm-up: they check what pages compute, not how fast. */
    public BrowserEngineOptions withMinimumWarmup(Duration newMinimum) {
        return new BrowserEngineOptions(browser, browserPath, isolation, configurationTimeout, seed, newMinimum);
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
     * The configured timeout, or by default 30 s per fork for loading and the pool plus three
     * times the iterations' planned duration (a step may well outlast an iteration).
     */
    public Duration timeoutFor(MeasurementSettings settings) {
        if (configurationTimeout != null) {
            return configurationTimeout;
        }
        long warmupMillis = Math.max((long) settings.warmupIterations() * settings.iterationMillis(), minimumWarmup.toMillis());
        long plannedMillis = warmupMillis + (long) settings.iterations() * settings.iterationMillis();
        return Duration.ofSeconds(30).plusMillis(3 * plannedMillis).multipliedBy(Math.max(1, settings.forks()));
    }
}
