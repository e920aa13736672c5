package io.parbench.engines;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Engine settings from the command line.
 *
 * @param browser chromium, firefox or webkit (browser engines)
 * @param browserPath an explicit browser executable, or null to find one
 * @param isolation serve pages with COOP/COEP (false shows what users without isolation get)
 * @param timeout how long one configuration (one fork) may take before the watchdog stops it
 * @param adapter the user's adapter module for the byo engine, or null
 * @param adapterParams the byo adapter's parameters (its setup() gets them as {@code params})
 */
public record EngineOptions(
        String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter, Map<String, String> adapterParams) {

    public EngineOptions {
        adapterParams = adapterParams == null ? Map.of() : Map.copyOf(adapterParams);
    }

    /** Options without adapter parameters. */
    public EngineOptions(String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter) {
        this(browser, browserPath, isolation, timeout, adapter, Map.of());
    }

    public static EngineOptions defaults() {
        return new EngineOptions("chromium", null, true, Duration.ofSeconds(120), null);
    }
}
