package io.parbench.engines;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Engine settings from the command line.
 *
 * @param seed the kernels' input seed (engines that generate inputs in another process need it)
 * @param browser chromium, firefox or webkit (browser engines)
 * @param browserPath an explicit browser executable, or null to find one
 * @param isolation serve pages with COOP/COEP (false shows what users without isolation get)
 * @param timeout how long one configuration (one fork) may take before the watchdog stops it
 * @param adapter the user's adapter module for the byo engine, or null
 */
public record EngineOptions(long seed, String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter) {
}
