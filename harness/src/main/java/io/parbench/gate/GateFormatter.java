package io.parbench.gate;

/** Writes a gate report in one output format. */
public interface GateFormatter {
    String format(GateReport report);
}
