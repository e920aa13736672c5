package io.parbench.gate;

import io.parbench.verdict.GateReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table for the terminal and CI logs: every check, failures first, then the summary. */
public final class TerminalFormatter implements GateFormatter {

    @Override
    public String format(GateReport report) {
        StringBuilder out = new StringBuilder(report.title() + "\n");
        ReportHeader.lines(report).forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        if (!report.checks().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(CheckRow.HEADER.cells());
            report.checks().forEach(c -> rows.add(upperCaseFailures(report.fails(c), CheckRow.of(c).cells())));
            appendTable(rows, out);
            out.append('\n');
        }
        report.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
        return out.append(report.summary()).append('\n').toString();
    }

    /** Failing verdicts in capitals, so they stand out in a long log. */
    private static String[] upperCaseFailures(boolean fails, String[] cells) {
        if (fails) {
            cells[0] = cells[0].toUpperCase(Locale.ROOT);
        }
        return cells;
    }

    private static void appendTable(List<String[]> rows, StringBuilder out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                // The last column (why) is free text: no padding.
                line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
