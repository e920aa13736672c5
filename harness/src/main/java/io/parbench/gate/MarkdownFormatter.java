package io.parbench.gate;

import io.parbench.verdict.Check;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.Verdict;
import java.util.Arrays;
import java.util.List;

/**
 * GitHub-flavoured Markdown for a pull-request comment or a CI step summary: a headline, the
 * checks that need attention, then every check folded away.
 */
public final class MarkdownFormatter implements GateFormatter {

    @Override
    public String format(GateReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.title()).append(": ").append(report.passed() ? "✅ passed" : "❌ failed").append("\n\n");
        out.append("**").append(report.summary()).append("**\n\n");
        ReportHeader.lines(report).forEach(line -> out.append("- ").append(escape(line)).append('\n'));
        out.append('\n');
        List<Check> attention = report.checks().stream()
                .filter(c -> report.fails(c) || c.verdict() == Verdict.UNDECIDED)
                .toList();
        if (!attention.isEmpty()) {
            out.append("### Needs attention\n\n");
            appendTable(report, attention, out);
        }
        if (!report.checks().isEmpty()) {
            out.append("<details><summary>All ").append(report.checks().size()).append(" checks</summary>\n\n");
            appendTable(report, report.checks(), out);
            out.append("</details>\n\n");
        }
        if (!report.notes().isEmpty()) {
            out.append("### Notes\n\n");
            report.notes().forEach(note -> out.append("- ").append(escape(note)).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendTable(GateReport report, List<Check> checks, StringBuilder out) {
        appendRow(escaped(CheckRow.HEADER.cells()), out);
        out.append("|---|---|---:|---|---:|---|---:|---:|---:|---|\n");
        for (Check check : checks) {
            String[] cells = escaped(CheckRow.of(check).cells());
            boolean fails = report.fails(check);
            cells[0] = (fails ? "❌" : icon(check.verdict())) + " " + (fails ? "**" + cells[0] + "**" : cells[0]);
            if (fails && !cells[8].isEmpty()) {
                cells[8] = "**" + cells[8] + "**";
            }
            appendRow(cells, out);
        }
        out.append('\n');
    }

    private static String icon(Verdict verdict) {
        return switch (verdict) {
            case REGRESSION, BELOW_FLOOR, FAILED -> "❌";
            case UNDECIDED, MISSING -> "⚠️";
            case IMPROVED -> "🚀";
            case NO_REGRESSION, FLOOR_MET -> "✅";
        };
    }

    private static void appendRow(String[] cells, StringBuilder out) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell).append(" |");
        }
        out.append('\n');
    }

    private static String[] escaped(String[] cells) {
        return Arrays.stream(cells).map(MarkdownFormatter::escape).toArray(String[]::new);
    }

    /** Table cells and list items must not break the Markdown around them. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ").replace("*", "\\*");
    }
}
