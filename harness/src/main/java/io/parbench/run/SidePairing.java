package io.parbench.run;

import io.parbench.engines.AssetsFolder;
import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.byo.ByoEngine;
import io.parbench.engines.nativelib.NativeEngine;
import io.parbench.engines.wasm.WasmEngine;
import io.parbench.results.ComparisonSetup;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a comparison's two sides can share each fork of an engine, and the engine that then
 * measures both. A and B in one page (or JVM), their blocks interleaved, cancel the fork's own
 * level in B / A; that needs a difference both can live with in one process: two wasm modules of
 * two builds in one page, two native libraries of two builds in one JVM, two byo adapters (or one
 * with two sets of params) that declare they can share a page. Other differences (a browser
 * version, JVM options, capabilities) get forks of their own per side.
 */
public final class SidePairing {

    private static final String NATIVE = "native";
    /** What may set byo's sides apart in a page of both (SideSetup#differences' keys); byo does not use the assets. */
    private static final Set<String> BYO_PAIRABLE = Set.of("adapter", "adapter-param", "assets");

    /** What was decided: the engines that measure both sides, and per engine how the sides meet. */
    public record Decision(Map<String, Engine> paired, Map<String, String> pairing) {}

    private SidePairing() {}

    /**
     * @param engines the engines of the comparison, by name
     * @param current side B's options
     * @param baseline side A's options
     * @param differences what sets side A apart, option by option (see {@code SideSetup#differences})
     */
    public static Decision decide(Set<String> engines, EngineOptions current, EngineOptions baseline, Map<String, String> differences) {
        Map<String, Engine> paired = new LinkedHashMap<>();
        Map<String, String> pairing = new LinkedHashMap<>();
        for (String name : engines) {
            String refused = refused(name, differences);
            if (refused == null) {
                Engine both;
                if (name.equals(ByoEngine.NAME)) {
                    ByoEngine.Pairing pair = ByoEngine.paired(current, baseline);
                    both = pair.engine();
                    refused = pair.refused();
                } else if (name.equals(NATIVE)) {
                    NativeEngine.Pairing pair = NativeEngine.paired(current.seed(), current.timeout(), nativeLibrary(current),
                            nativeLibrary(baseline));
                    both = pair.engine();
                    refused = pair.refused();
                } else {
                    WasmEngine.Pairing pair = WasmEngine.paired(BrowserEngineOptions.from(current).withBrowser(BrowserKind.parse(name))
                            .withBrowserPath(BrowserKind.parse(current.browser()).id().equals(name) ? current.browserPath() : null),
                            baseline.assets());
                    both = pair.engine();
                    refused = pair.refused();
                }
                if (both != null) {
                    paired.put(name, both);
                    pairing.put(name, ComparisonSetup.IN_FORK);
                    continue;
                }
            }
            pairing.put(name, refused);
        }
        return new Decision(paired, pairing);
    }

    /** A side's native library: its assets folder's, or null for the class path's. */
    private static Path nativeLibrary(EngineOptions side) {
        return side.assets() == null ? null : AssetsFolder.nativeLibrary(side.assets());
    }

    /** Why the engine's sides cannot share a fork, or null when they may (then the engine says whether it can). */
    private static String refused(String engine, Map<String, String> differences) {
        if (engine.equals(NATIVE)) {
            // Of what sets the sides apart, only the assets reach the native engine: its library.
            return differences.containsKey("assets") ? null
                    : "separate forks: a native fork holds two libraries, and the sides' libraries are the same";
        }
        if (engine.equals(ByoEngine.NAME)) {
            // byo pages run the class path's page scripts on either side: of what sets the sides apart, only the adapters and their params reach them.
            Set<String> others = new TreeSet<>(differences.keySet());
            others.removeAll(BYO_PAIRABLE);
            return others.isEmpty() ? null : "separate pages: the sides differ in " + String.join(", ", others) + ", which one page cannot hold twice";
        }
        boolean browser = Arrays.stream(BrowserKind.values()).anyMatch(kind -> kind.id().equals(engine));
        if (!browser) {
            return "separate forks: a " + engine + " fork runs one side";
        }
        if (!differences.keySet().equals(Set.of("assets"))) {
            return "separate pages: the sides differ in " + String.join(", ", differences.keySet()) + ", which one page cannot hold twice";
        }
        return null;
    }
}
