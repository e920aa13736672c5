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
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The engines parbench knows, by name, and how to make them; the browser engines are named after {@link BrowserKind}. */
public final class EngineRegistry {

    public static final String JVM = "jvm";
    public static final String NATIVE = "native";

    /** In the order "all" runs them: jvm, native and the browsers launched here. byo is never part of "all": it needs an adapter. */
    public static final List<String> BUILT_IN = Stream.concat(Stream.of(JVM, NATIVE), BrowserKind.ids(BrowserKind.locals()).stream())
            .toList();
    /** Every engine name; the browsers of {@link BrowserKind#remoteOnly()} run only through --webdriver-url. */
    public static final List<String> ALL_NAMES = Stream.of(
                    Stream.of(JVM, NATIVE), BrowserKind.ids(List.of(BrowserKind.values())).stream(), Stream.of(ByoEngine.NAME))
            .flatMap(s -> s)
            .toList();

    /** Every engine name, for picocli's ${COMPLETION-CANDIDATES} in option descriptions. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ALL_NAMES.iterator();
        }
    }

    private EngineRegistry() {}

    /** --browser-path is the executable of the browser --browser names; the other browsers are found as usual. */
    private static BrowserEngineOptions browserOptions(BrowserKind kind, EngineOptions options) {
        BrowserEngineOptions chosen = BrowserEngineOptions.from(options);
        return chosen.browser() == kind ? chosen : chosen.withBrowser(kind).withBrowserPath(null);
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static Engine create(String name, EngineOptions options) {
        return switch (name) {
            case JVM -> new JvmEngine(options.seed(), options.timeout(), options.jvmArgs());
            case NATIVE -> new NativeEngine(options.seed(), options.timeout(),
                    options.assets() == null ? null : AssetsFolder.nativeLibrary(options.assets()));
            case ByoEngine.NAME -> new ByoEngine(options);
            default -> BrowserKind.find(name)
                    .<Engine>map(kind -> new WasmEngine(browserOptions(kind, options), options.assets()))
                    .orElseThrow(() -> new IllegalArgumentException("Unknown engine '" + name + "'; the engines are "
                            + String.join(", ", ALL_NAMES) + " (or 'all')."));
        };
    }

    /** Whether the engine runs a bench-wasm build's assets, so that another build's (--baseline-assets) changes it. */
    public static boolean usesAssets(String engine) {
        return engine.equals(NATIVE) || BrowserKind.find(engine).isPresent();
    }

    /** The first file {@code engine} needs that the assets folder lacks, if any (engines that use no assets need none). */
    public static Optional<String> missingAssets(Path folder, String engine) {
        if (engine.equals(NATIVE)) {
            return AssetsFolder.missingNativeLibrary(folder);
        }
        return BrowserKind.find(engine).isPresent() ? AssetsFolder.missingBrowserFiles(folder) : Optional.empty();
    }
}
