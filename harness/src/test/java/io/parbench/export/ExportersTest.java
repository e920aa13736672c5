package io.parbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.gate.NoiseModel;
import io.parbench.gate.RunDocuments;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.ResultsJson;
import io.parbench.results.RunDocument;
import io.parbench.results.SampleSource;
import io.parbench.results.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportersTest {

    /** nbody on native at 1 and 2 workers with known samples, plus a failed sort. */
    private static RunDocument document() {
        return RunDocuments.run(NoiseModel.IID_3, 1, 2, 3)
                .add(result("nbody", null, 1, List.of(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0))))
                .add(result("nbody", null, 2, List.of(List.of(2.0, 4.0, 6.0), List.of(8.0, 10.0, 12.0))))
                .add(result("sort", "jdk", 1, List.of(List.of(1e7, 1.25e7))))
                .failed("native", "axpy", 1 << 22, 1, "checksum mismatch, \"expected\" 0123")
                .build();
    }

    private static ConfigurationResult result(String kernel, String variant, int workers, List<List<Double>> samples) {
        return new ConfigurationResult(new Configuration("native", kernel, variant, 2048, workers), Status.OK, null, samples,
                "00000000000000aa", "00000000000000aa", null, null, Instant.EPOCH, List.of());
    }

    @Test
    void jmhJsonHasJmhsShapeAndNumbers() throws Exception {
        JsonNode out = ResultsJson.mapper().readTree(new JmhExporter().export(document()));
        assertEquals(3, out.size(), "failed configurations have no score");
        JsonNode b = out.get(0);
        assertEquals("parbench.native.nbody", b.get("benchmark").asText());
        assertEquals("thrpt", b.get("mode").asText());
        assertEquals(1, b.get("threads").asInt());
        assertEquals(2, b.get("forks").asInt());
        assertEquals(3, b.get("measurementIterations").asInt());
        assertEquals("2048", b.get("params").get("size").asText());
        JsonNode m = b.get("primaryMetric");
        assertEquals(3.5, m.get("score").asDouble(), 1e-12);
        // Samples 1..6: sd = sqrt(3.5); t(0.9995, 5) = 6.868827; error = t * sd / sqrt(6).
        double error = 6.868827 * Math.sqrt(3.5) / Math.sqrt(6);
        assertEquals(error, m.get("scoreError").asDouble(), 1e-5);
        assertEquals(3.5 - error, m.get("scoreConfidence").get(0).asDouble(), 1e-5);
        assertEquals(1.0, m.get("scorePercentiles").get("0.0").asDouble());
        assertEquals(6.0, m.get("scorePercentiles").get("100.0").asDouble());
        assertEquals("ops/s", m.get("scoreUnit").asText());
        assertEquals("[[1.0,2.0,3.0],[4.0,5.0,6.0]]", m.get("rawData").toString());
        assertEquals("parbench.native.sort:jdk", out.get(2).get("benchmark").asText());
        // Two samples: JMH has no error and writes "NaN".
        assertEquals("NaN", out.get(2).get("primaryMetric").get("scoreError").asText());
    }

    @Test
    void csvHasOneRowPerSampleAndKeepsFailures() {
        List<String> rows = new CsvExporter().export(document()).lines().toList();
        assertEquals(CsvExporter.HEADER, rows.get(0));
        assertEquals(1 + 6 + 6 + 2 + 1, rows.size());
        assertEquals("native,nbody,,2048,1,ok,1,1,,1.0,", rows.get(1));
        assertEquals("native,nbody,,2048,2,ok,2,3,,12.0,", rows.get(12));
        assertEquals("native,sort,jdk,2048,1,ok,1,1,,10000000,", rows.get(13));
        assertEquals("native,axpy,,4194304,1,failed,,,,,\"checksum mismatch, \"\"expected\"\" 0123\"", rows.getLast());
    }

    /** Rows name the run's fork and the sample's place in it, so rows at other worker counts of one page pair up. */
    @Test
    void csvRowsNameTheRunsForkAndThePositionInIt() {
        ConfigurationResult r = new ConfigurationResult(new Configuration("chromium", "sum", null, 1024, 2), Status.OK, null,
                List.of(List.of(5.0, 6.0), List.of(7.0)), List.of(new SampleSource(3, List.of(1, 2)), new SampleSource(8, List.of(0))),
                "00", "00", null, null, null, List.of());
        RunDocument doc = new RunDocument(document().format(), RunDocument.VERSION, document().run(), document().environment(), List.of(),
                List.of(r));
        assertEquals(List.of(CsvExporter.HEADER, "chromium,sum,,1024,2,ok,3,1,1,5.0,", "chromium,sum,,1024,2,ok,3,2,2,6.0,",
                "chromium,sum,,1024,2,ok,8,1,0,7.0,"), new CsvExporter().export(doc).lines().toList());
    }

    @Test
    void benchmarkActionHasThroughputAndSpeedupEntries() throws Exception {
        JsonNode out = ResultsJson.mapper().readTree(new BenchmarkActionExporter().export(document()));
        assertEquals(4, out.size());
        JsonNode first = out.get(0);
        assertEquals("native/nbody/2048@W1", first.get("name").asText());
        assertEquals("steps/s", first.get("unit").asText());
        assertEquals(3.5, first.get("value").asDouble(), 1e-12);
        assertTrue(first.get("range").asText().startsWith("± 5.246"), first.get("range").asText());
        assertTrue(first.get("extra").asText().contains("samples: 6 (2 forks)"));
        assertFalse(out.get(2).has("range"), "two samples have no JMH error");
        JsonNode speedup = out.get(3);
        assertEquals("native/nbody/2048@W2 speedup", speedup.get("name").asText());
        assertEquals("x", speedup.get("unit").asText());
        assertEquals(2.0, speedup.get("value").asDouble(), 1e-12);
    }

    @Test
    void formatsAreFoundByTheirCommandLineNames() {
        assertEquals(ExportFormat.BENCHMARK_ACTION, ExportFormat.byId("benchmark-action"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFormat.byId("xml"));
        assertEquals("Unknown export format 'xml'; use one of jmh, csv, benchmark-action.", e.getMessage());
    }
}
