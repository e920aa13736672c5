package io.parbench.export;

import io.parbench.text.Choices;

/** The export formats, by the name used on the command line. */
public enum ExportFormat {
    JMH("jmh", new JmhExporter()),
    CSV("csv", new CsvExporter()),
    BENCHMARK_ACTION("benchmark-action", new BenchmarkActionExporter());

    private final String id;
    private final Exporter exporter;

    ExportFormat(String id, Exporter exporter) {
        this.id = id;
        this.exporter = exporter;
    }

    public String id() {
        return id;
    }

    public Exporter exporter() {
        return exporter;
    }

    public static ExportFormat byId(String id) {
        return Choices.parse("export format", values(), ExportFormat::id, id);
    }
}
