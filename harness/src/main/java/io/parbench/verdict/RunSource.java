package io.parbench.gate;

import io.parbench.results.MeasurementSettings;
import io.parbench.results.RunDocument;
import java.time.Instant;

/** Where one side of the gate came from, for the reader of its output. */
public record RunSource(
        String label, String hostname, String cpuModel, int logicalCores, Instant started, String profile,
        MeasurementSettings settings, boolean complete) {

    static RunSource of(LabelledDocument input) {
        RunDocument d = input.document();
        return new RunSource(input.label(), d.environment().hostname(), d.environment().cpuModel(),
                d.environment().logicalCores(), d.run().started(), d.run().profile(), d.run().settings(), d.run().complete());
    }
}
