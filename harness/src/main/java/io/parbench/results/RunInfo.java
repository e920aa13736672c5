package io.parbench.results;

import java.time.Instant;
import java.util.List;

/**
 * How a run was made.
 *
 * @param complete false while running and for a run that was interrupted: the document then
 *     holds only what was measured before the stop
 */
public record RunInfo(
        String parbenchVersion,
        List<String> commandLine,
        Instant started,
        Instant finished,
        boolean complete,
        long seed,
        String profile,
        MeasurementSettings settings) {

    public RunInfo {
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }
}
