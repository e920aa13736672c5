package io.parbench.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.ResultsJson;
import io.parbench.results.RunDocument;
import io.parbench.results.Status;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code customBiggerIsBetter} JSON github-action-benchmark reads: {@code [{name, unit,
 * value, range, extra}]}. One entry per measured configuration (mean steps/s, named by its
 * label, e.g. {@code chromium/nbody/2048@W4}; range is JMH's 99.9% score error), and one per
 * speedup ({@code ... speedup}, mean at W over mean at one worker), both bigger-is-better.
 * Failed configurations have no value and are left out.
 */
public final class BenchmarkActionExporter implements Exporter {

    @Override
    public String export(RunDocument document) {
        Map<Configuration, ConfigurationResult> measured = document.configurations().stream()
                .filter(r -> r.status() != Status.FAILED && !r.flatSamples().isEmpty())
                .collect(Collectors.toMap(ConfigurationResult::configuration, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        ArrayNode out = ResultsJson.mapper().createArrayNode();
        measured.values().forEach(r -> out.add(throughput(r)));
        measured.values().forEach(r -> {
            Configuration c = r.configuration();
            ConfigurationResult one = measured.get(new Configuration(c.engine(), c.kernel(), c.variant(), c.size(), 1));
            if (c.workers() > 1 && one != null) {
                out.add(speedup(r, one));
            }
        });
        try {
            return ResultsJson.mapper().writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write benchmark-action JSON", e);
        }
    }

    private static ObjectNode throughput(ConfigurationResult r) {
        SampleSummary s = new SampleSummary(r);
        ObjectNode entry = ResultsJson.mapper().createObjectNode();
        entry.put("name", r.configuration().label());
        entry.put("unit", "steps/s");
        entry.put("value", s.mean());
        if (!Double.isNaN(s.scoreError())) {
            entry.put("range", "± " + String.format(Locale.ROOT, "%.6g", s.scoreError()));
        }
        entry.put("extra", "median: " + String.format(Locale.ROOT, "%.6g", s.median()) + " steps/s\nsamples: " + s.n()
                + " (" + r.samples().size() + " forks)\nworkers: " + r.configuration().workers() + "\nstatus: " + r.status().id());
        return entry;
    }

    private static ObjectNode speedup(ConfigurationResult r, ConfigurationResult one) {
        ObjectNode entry = ResultsJson.mapper().createObjectNode();
        entry.put("name", r.configuration().label() + " speedup");
        entry.put("unit", "x");
        entry.put("value", new SampleSummary(r).mean() / new SampleSummary(one).mean());
        entry.put("extra", "mean throughput at " + r.configuration().workers() + " workers over one worker");
        return entry;
    }
}
