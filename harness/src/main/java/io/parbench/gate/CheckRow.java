package io.parbench.gate;

import io.parbench.results.Configuration;
import io.parbench.text.Format;
import io.parbench.verdict.Check;
import io.parbench.verdict.Comparison;
import io.parbench.verdict.FailedConfiguration;
import io.parbench.verdict.FloorCheck;
import io.parbench.verdict.Metric;
import io.parbench.verdict.MissingConfiguration;
import io.parbench.verdict.Text;

/** One check as table cells, the same in the terminal and in Markdown. */
record CheckRow(
        String verdict, String kernel, String size, String engine, String workers, String subject,
        String baseline, String current, String change, String reason) {

    static final CheckRow HEADER =
            new CheckRow("verdict", "kernel", "size", "engine", "workers", "check", "baseline", "current", "change", "why");

    static CheckRow of(Check check) {
        Configuration c = check.configuration();
        String[] values = switch (check) {
            case Comparison comparison -> new String[] {
                value(comparison.metric(), comparison.baseline()),
                value(comparison.metric(), comparison.current()),
                Text.change(comparison.decision().change())
            };
            case FloorCheck floor -> new String[] {
                "floor " + Format.times(floor.floor()),
                floor.speedup() == null ? "-" : Format.times(floor.speedup().estimate()),
                ""
            };
            case FailedConfiguration failed -> new String[] {"", "", ""};
            case MissingConfiguration missing -> new String[] {"", "", ""};
        };
        return new CheckRow(check.verdict().label(), c.series().kernelLabel(), Format.size(c.size()), c.engine(),
                Integer.toString(c.workers()), check.subject(), values[0], values[1], values[2], check.reason());
    }

    private static String value(Metric metric, double value) {
        return metric == Metric.SPEEDUP ? Format.times(value) : Format.rate(value);
    }

    String[] cells() {
        return new String[] {verdict, kernel, size, engine, workers, subject, baseline, current, change, reason};
    }
}
