package io.parbench.run;

import io.parbench.engines.AssetsFolder;
import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.byo.ByoEngine;
import io.parbench.engines.jvm.JvmEngine;
import io.parbench.engines.nativelib.NativeEngine;
import io.parbench.engines.wasm.WasmEngine;
import java.util.List;

/** The engines parbench knows, by name, and how to make them. */
public final class EngineRegistry {

    /** In the order "all" runs them. byo is never part of "all": it needs an adapter. */
    public static final List<String> BUILT_IN = List.of("jvm", "native", "chromium", "firefox", "webkit");
    /** safari and edge run only on another machine, through --webdriver-url. */
    public static final List<String> ALL_NAMES = List.of("jvm", "native", "chromium", "firefox", "webkit", "safari", "edge", "byo");

    private EngineRegistry() {}

    /** --browser-path is the executable of the browser --browser names; the other browsers are found as usual. */
    private static BrowserEngineOptions browserOptions(BrowserKind kind, EngineOptions options) {
        BrowserEngineOptions chosen = BrowserEngineOptions.from(options);
        return chosen.browser() == kind ? chosen : chosen.withBrowser(kind).withBrowserPath(null);
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static Engine create(String name, EngineOptions options) {
        return switch (name) {
            case "jvm" -> new JvmEngine(options.seed(), options.timeout(), options.jvmArgs());
            case "native" -> new NativeEngine(options.seed(), options.timeout(),
                    options.assets() == null ? null : AssetsFolder.nativeLibrary(options.assets()));
            case "chromium", "firefox", "webkit", "safari", "edge" -> new WasmEngine(browserOptions(BrowserKind.parse(name), options), options.assets());
            case ByoEngine.NAME -> new ByoEngine(options);
            default -> throw new IllegalArgumentException("Unknown engine '" + name + "'; the engines are "
                    + String.join(", ", ALL_NAMES) + " (or 'all').");
        };
    }
}
