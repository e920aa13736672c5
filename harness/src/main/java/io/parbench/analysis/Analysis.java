package io.parbench.analysis;

import java.util.List;

/**
 * Everything derived from one results document: statistics per configuration, scaling per
 * series, and throughput ratios between engines. Pure data; see {@link Analyzer}.
 */
public record Analysis(
        List<ConfigurationStats> configurations, List<SeriesAnalysis> series, List<EngineRatio> ratios) {

    public Analysis {
        configurations = List.copyOf(configurations);
        series = List.copyOf(series);
        ratios = List.copyOf(ratios);
    }
}
