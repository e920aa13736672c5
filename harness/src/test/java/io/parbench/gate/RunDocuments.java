package io.parbench.gate;

import io.parbench.kernels.ChecksumText;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Environment;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.RunDocument;
import io.parbench.results.RunInfo;
import io.parbench.results.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Builds results documents in code, with simulated samples, for tests. */
public final class RunDocuments {

    /** A throughput curve of a typical kernel: steps/s at 1, 2 and 4 workers. */
    public static final Map<Integer, Double> SCALING = Map.of(1, 100.0, 2, 190.0, 4, 350.0);

    private final NoiseModel noise;
    private final RandomGenerator rng;
    private final int forks;
    private final int iterations;
    private final List<ConfigurationResult> results = new ArrayList<>();
    private String cpuModel = "Test CPU";
    private boolean complete = true;

    private RunDocuments(NoiseModel noise, long seed, int forks, int iterations) {
        this.noise = noise;
        this.rng = new Well19937c(seed);
        this.forks = forks;
        this.iterations = iterations;
    }

    /** A run measured with 5 forks × 3 iterations: forks are the gate's samples, at least 3 per side. */
    public static RunDocuments run(NoiseModel noise, long seed) {
        return run(noise, seed, 5, 3);
    }

    public static RunDocuments run(NoiseModel noise, long seed, int forks, int iterations) {
        return new RunDocuments(noise, seed, forks, iterations);
    }

    /** One configuration whose true throughput is mean. */
    public RunDocuments measured(String engine, String kernel, long size, int workers, double mean) {
        double[] flat = noise.samples(mean, forks, iterations, rng);
        List<List<Double>> samples = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            samples.add(Arrays.stream(flat, f * iterations, (f + 1) * iterations).boxed().toList());
        }
        return add(new ConfigurationResult(new Configuration(engine, kernel, null, size, workers), Status.OK, null, samples,
                checksum(kernel), checksum(kernel), null, null, Instant.EPOCH, List.of()));
    }

    /** A whole series: one configuration per worker count of curve, throughputs scaled by factor. */
    public RunDocuments series(String engine, String kernel, long size, Map<Integer, Double> curve, double factor) {
        curve.keySet().stream().sorted().forEach(w -> measured(engine, kernel, size, w, curve.get(w) * factor));
        return this;
    }

    public RunDocuments failed(String engine, String kernel, long size, int workers, String reason) {
        return add(new ConfigurationResult(new Configuration(engine, kernel, null, size, workers), Status.FAILED, reason,
                List.of(), null, checksum(kernel), null, null, Instant.EPOCH, List.of()));
    }

    /** Replaces the last configuration added by a changed copy. */
    public RunDocuments changeLast(UnaryOperator<ConfigurationResult> change) {
        results.set(results.size() - 1, change.apply(results.getLast()));
        return this;
    }

    public RunDocuments add(ConfigurationResult result) {
        results.add(result);
        return this;
    }

    public RunDocuments cpu(String model) {
        this.cpuModel = model;
        return this;
    }

    public RunDocuments interrupted() {
        this.complete = false;
        return this;
    }

    public RunDocument build() {
        Environment env = new Environment("ci-host", "Linux", "amd64", cpuModel, 4, 8L << 30, "Java 25", Map.of());
        RunInfo run = new RunInfo("dev", List.of("parbench", "run"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:10:00Z"), complete, 1, "default",
                new MeasurementSettings(forks, 2, iterations, 1000));
        return new RunDocument(RunDocument.FORMAT, RunDocument.VERSION, run, env, List.of(), results);
    }

    public LabelledDocument labelled(String label) {
        return new LabelledDocument(label, build());
    }

    private static String checksum(String kernel) {
        return ChecksumText.of(kernel.hashCode() & 0xffffffffL);
    }
}
