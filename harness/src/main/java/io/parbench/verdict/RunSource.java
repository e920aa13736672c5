package io.parbench.verdict;

import io.parbench.results.MeasurementSettings;
import java.time.Instant;

/** Where one side of a gate or comparison came from, for the reader of its output. */
public record RunSource(
        String label, String hostname, String cpuModel, int logicalCores, Instant started, String profile,
        MeasurementSettings settings, boolean complete) {}
