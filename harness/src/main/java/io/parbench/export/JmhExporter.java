package io.parbench.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.ResultsJson;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * JMH's JSON result format ({@code -rf json}), so JMH tooling and visualisers read parbench
 * results: one entry per measured configuration, named {@code parbench.ENGINE.KERNEL} with the
 * size as a parameter and the workers as threads; one "op" is one kernel step. Failed
 * configurations have no score and are left out.
 */
public final class JmhExporter implements Exporter {

    private static final double[] PERCENTILES = {0, 50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999, 100};

    @Override
    public String export(RunDocument document) {
        ArrayNode out = ResultsJson.mapper().createArrayNode();
        for (ConfigurationResult r : document.configurations()) {
            if (r.status() != Status.FAILED && !r.samples().isEmpty()) {
                out.add(benchmark(r, document.run().settings()));
            }
        }
        try {
            return ResultsJson.mapper().writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write JMH JSON", e);
        }
    }

    private static ObjectNode benchmark(ConfigurationResult r, MeasurementSettings settings) {
        Configuration c = r.configuration();
        ObjectNode b = ResultsJson.mapper().createObjectNode();
        b.put("benchmark", "parbench." + c.engine() + "." + c.series().kernelLabel());
        b.put("mode", "thrpt");
        b.put("threads", c.workers());
        b.put("forks", r.samples().size());
        if (settings != null) {
            b.put("warmupIterations", settings.warmupIterations());
            b.put("warmupTime", settings.iterationMillis() + " ms");
            b.put("warmupBatchSize", 1);
            b.put("measurementIterations", settings.iterations());
            b.put("measurementTime", settings.iterationMillis() + " ms");
            b.put("measurementBatchSize", 1);
        }
        b.putObject("params").put("size", Long.toString(c.size()));
        b.set("primaryMetric", primaryMetric(r));
        b.putObject("secondaryMetrics");
        return b;
    }

    private static ObjectNode primaryMetric(ConfigurationResult r) {
        SampleSummary s = new SampleSummary(r);
        double error = s.scoreError();
        ObjectNode m = ResultsJson.mapper().createObjectNode();
        m.put("score", s.mean());
        putJmhNumber(m, "scoreError", error);
        ArrayNode confidence = m.putArray("scoreConfidence");
        List.of(s.mean() - error, s.mean() + error).forEach(v -> addJmhNumber(confidence, v));
        ObjectNode percentiles = m.putObject("scorePercentiles");
        for (double p : PERCENTILES) {
            percentiles.put(String.valueOf(p), s.percentile(p));
        }
        m.put("scoreUnit", "ops/s");
        ArrayNode raw = m.putArray("rawData");
        for (List<Double> fork : r.samples()) {
            ArrayNode iterations = raw.addArray();
            fork.forEach(iterations::add);
        }
        return m;
    }

    /** JMH writes NaN as the string "NaN" (JSON has no NaN). */
    private static void putJmhNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.put(field, "NaN");
        } else {
            node.put(field, value);
        }
    }

    private static void addJmhNumber(ArrayNode node, double value) {
        if (Double.isNaN(value)) {
            node.add("NaN");
        } else {
            node.add(value);
        }
    }
}
