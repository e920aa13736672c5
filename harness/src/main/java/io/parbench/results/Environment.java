package io.parbench.results;

import java.util.Map;

/** The machine a run was measured on; absolute numbers only mean something next to it. */
public record Environment(
        String hostname,
        String os,
        String arch,
        String cpuModel,
        int logicalCores,
        long memoryBytes,
        String jvm,
        Map<String, EngineFacts> engines) {

    public Environment {
        engines = engines == null ? Map.of() : Map.copyOf(engines);
    }
}
