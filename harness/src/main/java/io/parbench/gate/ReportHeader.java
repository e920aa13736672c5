package io.parbench.gate;

import io.parbench.text.Format;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.GateSettings;
import io.parbench.verdict.RunSource;
import java.util.ArrayList;
import java.util.List;

/** The lines that say what was compared with what, and how: the same in the terminal and in Markdown. */
final class ReportHeader {

    private ReportHeader() {}

    static List<String> lines(GateReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("current:  " + describe(report.current()));
        lines.add("baseline: " + (report.baseline() == null ? "none (checking failures and speedup floors only)" : describe(report.baseline())));
        lines.add("decision: " + (report.method() != null ? report.method() : settings(report.settings())));
        return lines;
    }

    private static String describe(RunSource s) {
        return s.label() + " (" + s.hostname() + ", " + s.cpuModel() + ", " + s.logicalCores() + " cores"
                + (s.profile() == null ? "" : ", profile " + s.profile())
                + (s.settings() == null ? "" : ", " + s.settings().forks() + " forks x " + s.settings().iterations() + " iterations")
                + (s.started() == null ? "" : ", started " + s.started())
                + ")";
    }

    private static String settings(GateSettings s) {
        StringBuilder b = new StringBuilder("a change counts when it is at least the threshold (")
                .append(Format.percent(s.thresholds().fallback()));
        s.thresholds().rules().forEach(r -> b.append(", ").append(r.selector()).append(" ").append(Format.percent(r.value())));
        b.append(") and significant at ").append(Format.percent(s.confidence()))
                .append(" confidence (forks are the samples, a fork's value the median of its iterations: Welch t interval of the"
                        + " mean log fork value, speedup of log T(W) - log T(1); at least ").append(ChangeDetector.MINIMUM_FORKS)
                .append(" forks per side, each check on its own)");
        if (s.speedupFloors().fallback() != null || !s.speedupFloors().rules().isEmpty()) {
            b.append("; speedup floors: ");
            List<String> floors = new ArrayList<>();
            if (s.speedupFloors().fallback() != null) {
                floors.add("all " + Format.times(s.speedupFloors().fallback()));
            }
            s.speedupFloors().rules().forEach(r -> floors.add(r.selector() + " " + Format.times(r.value())));
            b.append(String.join(", ", floors));
        }
        return b.toString();
    }
}
