package io.parbench.engines;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * @param assets a bench-wasm build's assets folder ({@link AssetsFolder}) to run instead of the
 *     class path's native library, wasm module and page scripts; null for the class path's
 * @param jvmArgs extra options for the jvm engine's forked JVMs
 * @param remote the WebDriver endpoint browser engines create their sessions at (--webdriver-url),
 *     or null to launch the browser on this machine
 */
public record EngineOptions(
        long seed, String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter,
        Map<String, String> adapterParams, Path assets, List<String> jvmArgs, RemoteEndpoint remote) {

    public EngineOptions {
        adapterParams = adapterParams == null ? Map.of() : Map.copyOf(adapterParams);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    /** Options for browsers on this machine. */
    public EngineOptions(long seed, String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter,
            Map<String, String> adapterParams, Path assets, List<String> jvmArgs) {
        this(seed, browser, browserPath, isolation, timeout, adapter, adapterParams, assets, jvmArgs, null);
    }

    /** These options with browsers reached through a WebDriver endpoint (null: on this machine). */
    public EngineOptions withRemote(RemoteEndpoint newRemote) {
        return new EngineOptions(seed, browser, browserPath, isolation, timeout, adapter, adapterParams, assets, jvmArgs, newRemote);
    }

    /** Options with the class path's assets and no extra JVM options. */
    public EngineOptions(long seed, String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter,
            Map<String, String> adapterParams) {
        this(seed, browser, browserPath, isolation, timeout, adapter, adapterParams, null, List.of());
    }

    /** Options without adapter parameters. */
    public EngineOptions(long seed, String browser, Path browserPath, boolean isolation, Duration timeout, Path adapter) {
        this(seed, browser, browserPath, isolation, timeout, adapter, Map.of());
    }
}
