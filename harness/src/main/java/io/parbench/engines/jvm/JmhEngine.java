package io.parbench.engines.jvm;

import io.parbench.engines.Engine;
import io.parbench.engines.Measurement;
import io.parbench.jmh.JmhLauncher;
import io.parbench.jmh.JmhRunException;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    /**
     * @param seed the kernels' input seed (KERNELS.md)
     * @param forkTimeout how long each fork may take before it is stopped and the configuration
     *     fails; null for {@link #forkTimeoutFor automatic}
     * @param forkArgs extra options for every forked JVM
     */
    protected JmhEngine(long seed, Duration forkTimeout, List<String> forkArgs) {
        this.seed = seed;
        this.forkTimeout = forkTimeout;
        this.forkArgs = List.copyOf(forkArgs);
    }

    @Override
    public Measurement measure(Configuration configuration, MeasurementSettings settings) throws IOException {
        if (!configuration.engine().equals(name())) {
            throw new IllegalArgumentException("the " + name() + " engine was given a configuration of the "
                    + configuration.engine() + " engine: " + configuration.label());
        }
        if (KernelSpec.byId(configuration.kernel()).isEmpty()) {
            return Measurement.failed("the " + name() + " engine runs the built-in kernels ("
                    + Arrays.stream(KernelSpec.values()).map(KernelSpec::id).collect(Collectors.joining(", "))
                    + "), not '" + configuration.kernel() + "'.");
        }
        if (!variants(configuration.kernel()).contains(configuration.variant())) {
            return Measurement.failed("the " + name() + " engine has no variant '" + configuration.variant() + "' of "
                    + configuration.kernel() + ".");
        }
        JmhLauncher.Config config = new JmhLauncher.Config(name(), configuration.kernel(), configuration.variant(),
                configuration.size(), seed, configuration.workers(), settings.forks(), settings.warmupIterations(),
                settings.iterations(), settings.iterationMillis(), checksumFile(), forkTimeoutFor(settings), forkArgs);
        try {
            JmhLauncher.Result result = JmhLauncher.run(config);
            return Measurement.ok(result.scoresPerFork(), ChecksumText.of(result.checksum()));
        } catch (JmhRunException e) {
            return Measurement.failed(e.getMessage());
        }
    }

    /**
     * The configured timeout per fork, or by default a minute for the fork's start-up plus three
     * times its iterations' planned duration (a step may well outlast an iteration).
     */
    public Duration forkTimeoutFor(MeasurementSettings settings) {
        if (forkTimeout != null) {
            return forkTimeout;
        }
        long plannedMillis = (long) (settings.warmupIterations() + settings.iterations()) * settings.iterationMillis();
        return FORK_OVERHEAD.plusMillis(3 * plannedMillis);
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
