package io.parbench.engines;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Engine settings from the command line.
 *
 * @param seed the kernels' input seed (engines that generate inputs in another process need it)
 * @param browser chromium, firefox or webkit (browser engines)
 * @param browserPath an explicit browser executable, or null to find one
 * @param isolation serve pages with COOP/COEP (false shows what users without isolation get)
 * @param timeout how long each fork (a JVM, a browser page) of a configuration may take before the watchdog
 *     stops it; null for each engine's automatic timeout, from the configuration's planned time
 * @param adapter the user's adapter module for the byo engine, or null
 * @param adapterParams the byo adapter's parameters (its setup() gets them as {@code params})
 */
public record EngineOptions(
        long seed, String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter,
        Map<String, String> adapterParams) {

    public EngineOptions {
        adapterParams = adapterParams == null ? Map.of() : Map.copyOf(adapterParams);
    }

    /** Options without adapter parameters. */
    public EngineOptions(long seed, String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter) {
        this(seed, browser, browserPath, isolation, timeout, adapter, Map.of());
    }
}
