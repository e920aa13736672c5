package io.parbench.analysis;

import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Environment;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.RunDocument;
import io.parbench.results.RunInfo;
import io.parbench.results.SampleSource;
import io.parbench.results.Status;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.RandomGenerator;

/** Hand-made results documents for analysis tests. */
final class Documents {

    static final long SIZE = 1 << 20;

    private Documents() {}

    static RunDocument of(List<ConfigurationResult> results) {
        RunInfo run = new RunInfo("test", List.of(), Instant.EPOCH, Instant.EPOCH, true, 42, "quick",
                new MeasurementSettings(1, 1, 3, 100));
        Environment env = new Environment("host", "Linux", "amd64", "cpu", 64, 1L << 30, "25", Map.of());
        return new RunDocument(RunDocument.FORMAT, RunDocument.VERSION, run, env, List.of(), results);
    }

    static RunDocument of(ConfigurationResult... results) {
        return of(List.of(results));
    }

    /** An ok "sum" configuration with one fork holding the given samples. */
    static ConfigurationResult ok(String engine, int workers, double... samples) {
        return result(engine, workers, Status.OK, samples);
    }

    static ConfigurationResult fallback(String engine, int workers, double... samples) {
        return result(engine, workers, Status.FALLBACK, samples);
    }

    static ConfigurationResult failed(String engine, int workers, String reason) {
        return new ConfigurationResult(config(engine, workers), Status.FAILED, reason, List.of(), null, null,
                null, null, Instant.EPOCH, List.of());
    }

    static ConfigurationResult result(String engine, int workers, Status status, double... samples) {
        List<List<Double>> forks = List.of(Arrays.stream(samples).boxed().toList());
        return new ConfigurationResult(config(engine, workers), status, null, forks, "0000000000000000",
                "0000000000000000", null, null, Instant.EPOCH, List.of());
    }

    /** An ok "sum" configuration measured once in each of the forks 0, 1, 2, …: one value per fork, the forks recorded. */
    static ConfigurationResult inForks(String engine, int workers, double... forkValues) {
        List<List<Double>> forks = Arrays.stream(forkValues).mapToObj(List::of).toList();
        List<SampleSource> sources = IntStream.range(0, forkValues.length).mapToObj(f -> new SampleSource(f, List.of(0))).toList();
        return new ConfigurationResult(config(engine, workers), Status.OK, null, forks, sources, "0000000000000000",
                "0000000000000000", null, null, Instant.EPOCH, List.of());
    }

    static Configuration config(String engine, int workers) {
        return new Configuration(engine, "sum", null, SIZE, workers);
    }

    /** n values of mean * (1 + relativeNoise * N(0, 1)). */
    static double[] noisy(RandomGenerator random, int n, double mean, double relativeNoise) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean * (1 + relativeNoise * random.nextGaussian());
        }
        return values;
    }
}
