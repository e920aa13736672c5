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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one fork of a curve (engine, kernel, variant, size; its blocks in order, each a side at a
 * worker count) under JMH through its Runner API: one forked JVM, warm-up iterations cycling
 * through the fork's points, then one measurement iteration per block. Returns each block's
 * steps/sec and checksum; a fork that fails keeps the blocks it measured before. Forks see this
 * JVM's class path, so bench-native and bench-wasm must be on it.
 */
public final class JmhLauncher {
    private static final Map<String, Class<? extends KernelBenchmark>> ENGINES =
            Map.of("jvm", JvmKernelBenchmark.class, "native", NativeKernelBenchmark.class);

    private JmhLauncher() {}

    /**
     * What to run and how long; {@code variant} null means the default variant (jvm only).
     * {@code forkTimeout} is how long the fork may take, timed from its own start: a fork still
     * going after that is stopped and the run fails. {@code jvmArgs} go to the fork after
     * parbench's own flags (e.g. a -D property, or JVM options under comparison).
     */
    public record Config(String engine, String kernel, String variant, long size, long seed, ForkOrder order,
                         int warmupIterations, long iterationTimeMs, Path checksumFile, Duration forkTimeout, List<String> jvmArgs) {
        public Config {
            jvmArgs = List.copyOf(jvmArgs);
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(checksumFile, "checksumFile");
            Objects.requireNonNull(forkTimeout, "forkTimeout");
            if (!ENGINES.containsKey(engine)) {
                throw new IllegalArgumentException("JMH runs the engines jvm and native, not '" + engine + "'.");
            }
            if (engine.equals("native") && variant != null && !variant.equals(JavaKernels.DEFAULT_VARIANT)) {
                throw new IllegalArgumentException("the native engine has no variant '" + variant
                        + "': leave the variant out (variants are for the jvm engine).");
            }
            if (warmupIterations < 0 || iterationTimeMs < 1) {
                throw new IllegalArgumentException("JMH needs warm-up iterations >= 0 and an iteration time >= 1 ms; got "
                        + warmupIterations + " and " + iterationTimeMs + " ms.");
            }
        }

        /** A fork with parbench's flags only. */
        public Config(String engine, String kernel, String variant, long size, long seed, ForkOrder order, int warmupIterations,
                long iterationTimeMs, Path checksumFile, Duration forkTimeout) {
            this(engine, kernel, variant, size, seed, order, warmupIterations, iterationTimeMs, checksumFile, forkTimeout, List.of());
        }
    }

    /**
     * One measured block: the point it measured, its steps/sec, what its last step computed and the
     * fork's {@link BlockRecord} of it (null from a fork that wrote none).
     */
    public record MeasuredBlock(ForkOrder.Point point, double stepsPerSecond, long checksum, BlockRecord record) {}

    /** The fork's blocks, in its order. */
    public record Result(List<MeasuredBlock> blocks) {
        public Result {
            blocks = List.copyOf(blocks);
        }
    }

    /** Runs the fork; the checksum file is replaced. */
    public static Result run(Config config) throws JmhRunException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MeasuredScores scores;
        ForkWatchdog watchdog = ForkWatchdog.start(config.forkTimeout());
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Files.deleteIfExists(config.checksumFile());
            scores = new MeasuredScores(OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
            try {
                new Runner(options(config).build(), scores).run();
            } catch (RunnerException e) {
                String text = log.toString(StandardCharsets.UTF_8);
                throw new JmhRunException(watchdog.fired() ? timedOut(config) : FailureReason.of(e, text), text, e, measured(config, scores));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the checksum file " + config.checksumFile() + ": "
                    + e.getMessage(), e);
        } finally {
            watchdog.stop();
        }
        String text = log.toString(StandardCharsets.UTF_8);
        List<MeasuredBlock> blocks = measured(config, scores);
        if (watchdog.fired()) {
            throw new JmhRunException(timedOut(config), text, null, blocks);
        }
        if (blocks.size() != config.order().blocks().size()) {
            throw new JmhRunException("JMH returned " + blocks.size() + " of the fork's " + config.order().blocks().size()
                    + " blocks with their checksums: " + FailureReason.fromLog(text), text, null, blocks);
        }
        requireOneChecksumPerPoint(blocks, text);
        return new Result(blocks);
    }

    private static String timedOut(Config config) {
        return "a fork did not finish within its timeout of " + config.forkTimeout().toSeconds()
                + " s, so its JVM was stopped: use a smaller size or a longer --timeout.";
    }

    /** The blocks both reported (their scores) and finished (their checksum lines), in order. */
    private static List<MeasuredBlock> measured(Config config, MeasuredScores scores) {
        List<Double> reported = scores.scores();
        List<ChecksumFile.Line> lines = ChecksumFile.read(config.checksumFile());
        List<MeasuredBlock> blocks = new ArrayList<>();
        for (int i = 0; i < Math.min(reported.size(), lines.size()); i++) {
            ForkOrder.Point point = config.order().measured(i);
            if (!lines.get(i).block().equals(point.token())) {
                throw new IllegalStateException("the fork measured block " + lines.get(i).block() + " where its order has "
                        + point.token() + " (" + config.order() + ")");
            }
            blocks.add(new MeasuredBlock(point, reported.get(i), lines.get(i).checksum(), lines.get(i).record()));
        }
        return List.copyOf(blocks);
    }

    /** Every step at a point computes the same output, so its blocks' checksums must agree. */
    private static void requireOneChecksumPerPoint(List<MeasuredBlock> blocks, String log) throws JmhRunException {
        Map<ForkOrder.Point, Long> first = new HashMap<>();
        for (MeasuredBlock block : blocks) {
            Long earlier = first.putIfAbsent(block.point(), block.checksum());
            if (earlier != null && earlier != block.checksum()) {
                throw new JmhRunException("the blocks at " + block.point().token() + " workers computed different checksums ("
                        + ChecksumText.of(earlier) + ", " + ChecksumText.of(block.checksum()) + "): the kernel is not deterministic.",
                        log, null, blocks);
            }
        }
    }

    static ChainedOptionsBuilder options(Config config) {
        Class<? extends KernelBenchmark> benchmark = ENGINES.get(config.engine());
        TimeValue iterationTime = TimeValue.milliseconds(config.iterationTimeMs());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.step$")
                .param("kernel", config.kernel())
                .param("size", Long.toString(config.size()))
                .param("seed", Long.toString(config.seed()))
                .param("workers", config.order().toString())
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .threads(1)
                .forks(1)
                .warmupIterations(config.warmupIterations())
                .warmupTime(iterationTime)
                .measurementIterations(config.order().blocks().size())
                .measurementTime(iterationTime)
                .shouldFailOnError(true)
                // None of this JVM's own flags, which JMH would otherwise give the fork first and the results would not show.
                .jvmArgs()
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
        if (ENGINES.get(config.engine()) == JvmKernelBenchmark.class) {
            args.addAll(List.of(ForkFlags.STEPPING_EXECUTOR, ForkFlags.STEPPING_EXECUTOR_CLASS));
        }
        args.addAll(config.jvmArgs());
        return args.toArray(String[]::new);
    }
}
