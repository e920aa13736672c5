package io.parbench.engines.jvm;

import io.parbench.engines.Block;
import io.parbench.engines.Engine;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.jmh.JmhLauncher;
import io.parbench.jmh.JmhRunException;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An engine measured by JMH: one JMH run (its own forked JVMs) per configuration, through
 * {@link JmhLauncher}. What the forks run (Java kernels or the C library) is the subclass's.
 */
public abstract class JmhEngine implements Engine {
    private final long seed;
    private final Duration forkTimeout;
    private final List<String> forkArgs;
    private Path workDirectory;

    /** Starting a fork's JVM and JMH, and setting up a kernel's input, on a busy machine. */
    private static final Duration FORK_OVERHEAD = Duration.ofSeconds(60);
    /** ... and on a quiet one, about. */
    private static final Duration JVM_START = Duration.ofMillis(900);

    /**
     * @param seed the kernels' input seed (KERNELS.md)
     * @param forkTimeout how long each fork may take before it is stopped and the configuration
     *     fails; null for {@link #timeoutFor automatic}
     * @param forkArgs extra options for every forked JVM
     */
    protected JmhEngine(long seed, Duration forkTimeout, List<String> forkArgs) {
        this.seed = seed;
        this.forkTimeout = forkTimeout;
        this.forkArgs = List.copyOf(forkArgs);
    }

    @Override
    public ForkMeasurement measure(ForkPlan fork) throws IOException {
        SeriesKey series = fork.series();
        if (!series.engine().equals(name())) {
            throw new IllegalArgumentException("the " + name() + " engine was given a fork of the " + series.engine() + " engine: "
                    + series.label());
        }
        if (KernelSpec.byId(series.kernel()).isEmpty()) {
            return ForkMeasurement.failed("the " + name() + " engine runs the built-in kernels ("
                    + Arrays.stream(KernelSpec.values()).map(KernelSpec::id).collect(Collectors.joining(", "))
                    + "), not '" + series.kernel() + "'.");
        }
        if (!variants(series.kernel()).contains(series.variant())) {
            return ForkMeasurement.failed("the " + name() + " engine has no variant '" + series.variant() + "' of " + series.kernel() + ".");
        }
        if (fork.workers().size() != 1 || fork.sides().size() != 1) {
            throw new IllegalArgumentException("a JMH fork measures one worker count of one side, not " + fork.order());
        }
        MeasurementSettings settings = fork.settings();
        Block point = fork.order().getFirst();
        JmhLauncher.Config config = new JmhLauncher.Config(name(), series.kernel(), series.variant(), series.size(), seed, point.workers(),
                1, settings.warmupIterations(), fork.order().size(), settings.iterationMillis(), checksumFile(), timeoutFor(fork),
                forkArgs);
        try {
            JmhLauncher.Result result = JmhLauncher.run(config);
            List<ForkMeasurement.MeasuredBlock> blocks = result.scoresPerFork().getFirst().stream()
                    .map(score -> new ForkMeasurement.MeasuredBlock(point, score)).toList();
            return new ForkMeasurement(Status.OK, null, blocks, Map.of(point, ChecksumText.of(result.checksum())), null, null, null,
                    null, 1, List.of());
        } catch (JmhRunException e) {
            return ForkMeasurement.failed(e.getMessage());
        }
    }

    /** One JMH run per worker count: a JVM fork measures one configuration. */
    @Override
    public boolean measuresCurves() {
        return false;
    }

    @Override
    public Duration typicalSetUp(MeasurementSettings settings) {
        return JVM_START.plusMillis(settings.warmupIterations() * settings.iterationMillis());
    }

    /** How long a fork may take (see {@link ForkPlan#timeout}). */
    public Duration timeoutFor(ForkPlan fork) {
        return fork.timeout(forkTimeout, FORK_OVERHEAD, typicalSetUp(fork.settings()));
    }

    /** Where the forks leave their checksums; configurations run one at a time, so one file serves all. */
    private synchronized Path checksumFile() throws IOException {
        if (workDirectory == null) {
            workDirectory = Files.createTempDirectory("parbench-" + name() + "-");
        }
        return workDirectory.resolve("checksum.txt");
    }

    @Override
    public synchronized void close() throws IOException {
        if (workDirectory != null) {
            Files.deleteIfExists(workDirectory.resolve("checksum.txt"));
            Files.deleteIfExists(workDirectory);
            workDirectory = null;
        }
    }
}
