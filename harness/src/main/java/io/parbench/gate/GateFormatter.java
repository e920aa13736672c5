package io.parbench.gate;

import io.parbench.verdict.GateReport;

/** Writes a gate report in one output format. */
public interface GateFormatter {
    String format(GateReport report);
}
