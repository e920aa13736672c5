package io.parbench.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the gate concluded, in the order people should read it (failures first).
 *
 * @param baseline null when only floors and failures were checked
 */
public record GateReport(
        String format, int version, RunSource baseline, RunSource current, GateSettings settings,
        List<Check> checks, List<String> notes) {

    public static final String FORMAT = "parbench-gate";
    public static final int VERSION = 1;

    public GateReport {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    @JsonProperty
    public boolean passed() {
        return checks.stream().noneMatch(c -> c.verdict().fails());
    }

    public long count(Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** E.g. "FAIL: 2 regressions, 1 failed; 1 inconclusive, 3 missing, 40 unchanged". */
    public String summary() {
        String failing = counts(true);
        String rest = counts(false);
        return (passed() ? "PASS" : "FAIL") + ": "
                + (failing.isEmpty() ? (checks.isEmpty() ? "nothing to check" : rest) : failing + (rest.isEmpty() ? "" : "; " + rest));
    }

    private String counts(boolean failing) {
        return Arrays.stream(Verdict.values())
                .filter(v -> v.fails() == failing && count(v) > 0)
                .map(v -> count(v) + " " + (v == Verdict.REGRESSION && count(v) > 1 ? "regressions" : v.label()))
                .collect(Collectors.joining(", "));
    }
}
