package io.parbench.results;

import java.util.Map;

/**
 * How one side of a comparison was run.
 *
 * @param differences what sets this side apart from the run options, option by option (e.g.
 *     {@code "assets": "/src/base/bench-wasm/target/classes/io/parbench/assets"}); empty for side B
 * @param engines what each engine found when probed for this side (library, browser, adapter)
 */
public record SideSetup(ComparisonSide side, Map<String, String> differences, Map<String, EngineFacts> engines) {

    public SideSetup {
        differences = differences == null ? Map.of() : Map.copyOf(differences);
        engines = engines == null ? Map.of() : Map.copyOf(engines);
    }
}
