package io.parbench.jmh;

import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.JavaKernels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one configuration (engine, kernel, variant, size, workers) under JMH through its Runner
 * API and returns the raw steps/sec of every measurement iteration, per fork, with the checksum
 * the forks computed. Forks see this JVM's class path, so bench-native and bench-wasm must be on it.
 */
public final class JmhLauncher {
    private static final Map<String, Class<? extends KernelBenchmark>> ENGINES =
            Map.of("jvm", JvmKernelBenchmark.class, "native", NativeKernelBenchmark.class);

    private JmhLauncher() {}

    /**
     * What to run and how long; {@code variant} null means the default variant (jvm only).
     * {@code forkTimeout} is how long each fork may take, timed from its own start: a fork still
     * going after that is stopped and the run fails. {@code jvmArgs} go to every fork
     * after parbench's own flags (e.g. a -D property, or JVM options under comparison).
     */
    public record Config(String engine, String kernel, String variant, long size, long seed, int workers,
                         int forks, int warmupIterations, int iterations, long iterationTimeMs, Path checksumFile,
                         Duration forkTimeout, List<String> jvmArgs) {
        public Config {
            jvmArgs = List.copyOf(jvmArgs);
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(checksumFile, "checksumFile");
            Objects.requireNonNull(forkTimeout, "forkTimeout");
            if (!ENGINES.containsKey(engine)) {
                throw new IllegalArgumentException("JMH runs the engines jvm and native, not '" + engine + "'.");
            }
            if (engine.equals("native") && variant != null && !variant.equals(JavaKernels.DEFAULT_VARIANT)) {
                throw new IllegalArgumentException("the native engine has no variant '" + variant
                        + "': leave the variant out (variants are for the jvm engine).");
            }
            if (forks < 1 || warmupIterations < 0 || iterations < 1 || iterationTimeMs < 1) {
                throw new IllegalArgumentException("JMH needs forks >= 1, warm-up iterations >= 0, iterations >= 1 and"
                        + " an iteration time >= 1 ms; got " + forks + ", " + warmupIterations + ", " + iterations
                        + " and " + iterationTimeMs + " ms.");
            }
        }

        /** Forks with parbench's flags only. */
        public Config(String engine, String kernel, String variant, long size, long seed, int workers, int forks,
                int warmupIterations, int iterations, long iterationTimeMs, Path checksumFile, Duration forkTimeout) {
            this(engine, kernel, variant, size, seed, workers, forks, warmupIterations, iterations, iterationTimeMs, checksumFile,
                    forkTimeout, List.of());
        }
    }

    /**
     * The outcome of a run: {@code scoresPerFork.get(f).get(i)} is the steps/sec of measurement
     * iteration i in fork f; {@code checksum} is what every fork's last step produced.
     */
    public record Result(List<List<Double>> scoresPerFork, long checksum) {}

    /** Runs the configuration; the checksum file is replaced. */
    public static Result run(Config config) throws JmhRunException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Collection<RunResult> runs;
        ForkWatchdog watchdog = ForkWatchdog.start(config.forkTimeout());
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Files.deleteIfExists(config.checksumFile());
            runs = new Runner(options(config).build(), OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the checksum file " + config.checksumFile() + ": "
                    + e.getMessage(), e);
        } catch (RunnerException e) {
            String text = log.toString(StandardCharsets.UTF_8);
            throw new JmhRunException(watchdog.fired() ? timedOut(config) : FailureReason.of(e, text), text, e);
        } finally {
            watchdog.stop();
        }
        String text = log.toString(StandardCharsets.UTF_8);
        if (watchdog.fired()) {
            throw new JmhRunException(timedOut(config), text, null);
        }
        List<List<Double>> scores = scoresPerFork(runs);
        if (scores.size() != config.forks()) {
            throw new JmhRunException("JMH returned results of " + scores.size() + " forks instead of " + config.forks()
                    + ": " + FailureReason.fromLog(text), text, null);
        }
        return new Result(scores, agreedChecksum(config, text));
    }

    private static String timedOut(Config config) {
        return "a fork did not finish within its timeout of " + config.forkTimeout().toSeconds()
                + " s, so its JVM was stopped: use a smaller size or a longer --timeout.";
    }

    static ChainedOptionsBuilder options(Config config) {
        Class<? extends KernelBenchmark> benchmark = ENGINES.get(config.engine());
        TimeValue iterationTime = TimeValue.milliseconds(config.iterationTimeMs());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.step$")
                .param("kernel", config.kernel())
                .param("size", Long.toString(config.size()))
                .param("seed", Long.toString(config.seed()))
                .param("workers", Integer.toString(config.workers()))
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .threads(1)
                .forks(config.forks())
                .warmupIterations(config.warmupIterations())
                .warmupTime(iterationTime)
                .measurementIterations(config.iterations())
                .measurementTime(iterationTime)
                .shouldFailOnError(true)
                .jvmArgsAppend(forkArguments(config));
        if (benchmark == JvmKernelBenchmark.class) {
            options.param("variant", config.variant() == null ? JavaKernels.DEFAULT_VARIANT : config.variant());
        }
        return options;
    }

    /** parbench's flags, then the configuration's own (one call: JMH keeps only the last jvmArgsAppend). */
    private static String[] forkArguments(Config config) {
        List<String> args = new ArrayList<>(List.of(ForkFlags.NATIVE_ACCESS, ForkFlags.UNSAFE_ALLOW, ForkFlags.JDK_SORT_SPLIT,
                "-D" + ForkFlags.CHECKSUM_FILE_PROPERTY + "=" + config.checksumFile().toAbsolutePath()));
        args.addAll(config.jvmArgs());
        return args.toArray(String[]::new);
    }

    private static List<List<Double>> scoresPerFork(Collection<RunResult> runs) {
        List<List<Double>> perFork = new ArrayList<>();
        for (RunResult run : runs) {
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                List<Double> scores = new ArrayList<>();
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
                perFork.add(List.copyOf(scores));
            }
        }
        return List.copyOf(perFork);
    }

    private static long agreedChecksum(Config config, String log) throws JmhRunException {
        List<Long> checksums = ChecksumFile.read(config.checksumFile());
        if (checksums.size() != config.forks()) {
            throw new JmhRunException(config.forks() + " forks ran but " + checksums.size() + " wrote a checksum to "
                    + config.checksumFile() + ": a fork failed in its teardown.", log, null);
        }
        if (checksums.stream().distinct().count() != 1) {
            throw new JmhRunException("the forks computed different checksums: "
                    + checksums.stream().map(ChecksumText::of).toList()
                    + "; the kernel is not deterministic.", log, null);
        }
        return checksums.getFirst();
    }
}
