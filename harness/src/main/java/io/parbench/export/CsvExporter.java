package io.parbench.export;

import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.RunDocument;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV (RFC 4180) with one row per sample, the tidy layout spreadsheets, pandas and R aggregate
 * easily: {@code engine,kernel,variant,size,workers,status,fork,iteration,position,steps_per_second,reason}.
 * Fork is the run's fork (page or JVM) that measured the sample, so rows of one fork at other worker
 * counts pair with it (in documents of version 1, the configuration's own fork count from 1);
 * iteration counts from 1 within the configuration's fork; position is the sample's place in its
 * fork's sequence of measured blocks (from 0; empty in version 1). A configuration without samples
 * (a failed one) still gets one row, with empty fork, iteration, position and steps_per_second and
 * its reason, so nothing measured wrong disappears from the export.
 */
public final class CsvExporter implements Exporter {

    static final String HEADER = "engine,kernel,variant,size,workers,status,fork,iteration,position,steps_per_second,reason";

    @Override
    public String export(RunDocument document) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (ConfigurationResult r : document.configurations()) {
            if (r.samples().stream().allMatch(List::isEmpty)) {
                appendRow(out, r, "", "", "", "");
            }
            boolean recorded = r.sources().size() == r.samples().size();
            for (int f = 0; f < r.samples().size(); f++) {
                List<Double> fork = r.samples().get(f);
                List<Integer> positions = recorded ? r.sources().get(f).positions() : List.of();
                String id = Integer.toString(recorded ? r.forkOf(f) : f + 1);
                for (int i = 0; i < fork.size(); i++) {
                    appendRow(out, r, id, Integer.toString(i + 1), i < positions.size() ? positions.get(i).toString() : "",
                            BigDecimal.valueOf(fork.get(i)).toPlainString());
                }
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, ConfigurationResult r, String fork, String iteration, String position, String value) {
        Configuration c = r.configuration();
        out.append(Stream.of(c.engine(), c.kernel(), c.variant() == null ? "" : c.variant(), Long.toString(c.size()),
                        Integer.toString(c.workers()), r.status().id(), fork, iteration, position, value, r.reason() == null ? "" : r.reason())
                .map(CsvExporter::field)
                .collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /** Quotes a field that contains a separator, a quote or a line break; doubles its quotes. */
    static String field(String text) {
        return text.matches("(?s).*[,\"\r\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
