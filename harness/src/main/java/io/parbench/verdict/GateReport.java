package io.parbench.verdict;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the gate concluded, in the order people should read it (failures first).
 *
 * @param baseline null when only floors and failures were checked
 * @param method how changes were decided, for people; null for the gate's own (described from its settings)
 * @param undecidedFails whether an {@link Verdict#UNDECIDED undecided} check fails (compare's --undecided fail)
 */
public record GateReport(
        String format, int version, RunSource baseline, RunSource current, GateSettings settings, String method,
        boolean undecidedFails, List<Check> checks, List<String> notes) {

    public static final String FORMAT = "parbench-gate";
    public static final int VERSION = 1;

    public GateReport {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }

    @JsonProperty
    public boolean passed() {
        return checks.stream().noneMatch(this::fails);
    }

    /** Whether this check makes the report fail. */
    public boolean fails(Check check) {
        return fails(check.verdict());
    }

    private boolean fails(Verdict verdict) {
        return verdict.fails() || (undecidedFails && verdict == Verdict.UNDECIDED);
    }

    /** "parbench gate", "parbench compare": what wrote it, for headings. */
    public String title() {
        return format.replace('-', ' ');
    }

    public long count(Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** E.g. "FAIL: 2 regressions, 1 failed; 1 undecided, 3 missing, 40 no regression". */
    public String summary() {
        String failing = counts(true);
        String rest = counts(false);
        return (passed() ? "PASS" : "FAIL") + ": "
                + (failing.isEmpty() ? (checks.isEmpty() ? "nothing to check" : rest) : failing + (rest.isEmpty() ? "" : "; " + rest));
    }

    private String counts(boolean failing) {
        return Arrays.stream(Verdict.values())
                .filter(v -> fails(v) == failing && count(v) > 0)
                .map(v -> count(v) + " " + (v == Verdict.REGRESSION && count(v) > 1 ? "regressions" : v.label()))
                .collect(Collectors.joining(", "));
    }
}
