package io.parbench.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parbench.results.ResultsJson;
import io.parbench.verdict.GateReport;
import java.io.UncheckedIOException;

/** The verdicts as JSON ({@code "format": "parbench-gate"}), for tools. */
public final class JsonFormatter implements GateFormatter {

    @Override
    public String format(GateReport report) {
        try {
            return ResultsJson.mapper().writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the gate report as JSON", e);
        }
    }
}
