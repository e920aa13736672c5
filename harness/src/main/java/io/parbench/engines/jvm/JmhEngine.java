package io.parbench.engines.jvm;

import io.parbench.engines.Block;
import io.parbench.engines.BlockInterval;
import io.parbench.engines.Engine;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.jmh.BlockRecord;
import io.parbench.jmh.ForkOrder;
import io.parbench.jmh.JmhLauncher;
import io.parbench.jmh.JmhRunException;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.PoolAccount;
import io.parbench.machine.MachineSampler;
import io.parbench.machine.ProcessTree;
import io.parbench.machine.WorkerThreads;
import io.parbench.process.TempFolders;
import io.parbench.results.ComparisonSide;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An engine measured by JMH, through {@link JmhLauncher}: a fork is one JMH fork (a fresh JVM)
 * that runs the plan's blocks in order, one measurement iteration each, after warm-up iterations
 * cycling through its points. What the forks run (Java kernels or the C library) is the subclass's.
 */
public abstract class JmhEngine implements Engine {
    private final long seed;
    private final Duration forkTimeout;
    private final List<String> forkArgs;
    private Path workDirectory;

    /** Starting a fork's JVM and JMH, and setting up a kernel's input, on a busy machine. */
    private static final Duration FORK_OVERHEAD = Duration.ofSeconds(60);
    /** ... and on a quiet one, about (forks of a quiet default sweep took 1.3-1.4 s beside their iterations). */
    private static final Duration JVM_START = Duration.ofMillis(1300);

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

    /** Whether a fork may measure side A too (the native engine given both libraries). */
    protected boolean measuresBothSides() {
        return false;
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
        if (fork.sides().contains(ComparisonSide.BASELINE) && !measuresBothSides()) {
            throw new IllegalArgumentException("the " + name() + " engine measures side B only, not " + fork.order());
        }
        if (fork.workers().size() > 1 && !measuresCurves()) {
            throw new IllegalArgumentException("the " + name() + " engine measures one worker count per fork, not " + fork.order());
        }
        MeasurementSettings settings = fork.settings();
        JmhLauncher.Config config = new JmhLauncher.Config(name(), series.kernel(), series.variant(), series.size(), seed,
                new ForkOrder(fork.order().stream().map(JmhEngine::point).toList()), settings.warmupIterations(),
                settings.iterationMillis(), checksumFile(), timeoutFor(fork), forkArgs);
        // What the machine gave the fork's worker threads, sampled beside it (io.parbench.machine).
        try (MachineSampler machine = MachineSampler.start(ProcessTree.jmhForks(), WorkerThreads.of(name()).orElseThrow())) {
            return measure(config, fork).withMachine(machine::between);
        }
    }

    private ForkMeasurement measure(JmhLauncher.Config config, ForkPlan fork) throws IOException {
        try {
            List<JmhLauncher.MeasuredBlock> blocks = JmhLauncher.run(config).blocks();
            return new ForkMeasurement(Status.OK, null, measuredBlocks(blocks, fork), checksums(blocks, fork), null, null, null, null, 1,
                    List.of());
        } catch (JmhRunException e) {
            // A fork that failed keeps the blocks it measured; it failed in the next one, or before any (set-up, warm-up).
            List<JmhLauncher.MeasuredBlock> before = e.measured();
            Block failedAt = before.isEmpty() || before.size() >= fork.order().size() ? null : fork.order().get(before.size());
            return new ForkMeasurement(Status.FAILED, e.getMessage(), measuredBlocks(before, fork), checksums(before, fork), failedAt,
                    null, null, null, 1, List.of());
        }
    }

    private static ForkOrder.Point point(Block block) {
        return new ForkOrder.Point(block.side() == ComparisonSide.BASELINE ? ForkOrder.Side.A : ForkOrder.Side.B, block.workers());
    }

    /** The launcher's blocks are the fork's, by position. */
    private static List<ForkMeasurement.MeasuredBlock> measuredBlocks(List<JmhLauncher.MeasuredBlock> blocks, ForkPlan fork) {
        List<ForkMeasurement.MeasuredBlock> measured = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = fork.order().get(i);
            BlockRecord record = blocks.get(i).record();
            measured.add(record == null ? new ForkMeasurement.MeasuredBlock(block, blocks.get(i).stepsPerSecond())
                    : new ForkMeasurement.MeasuredBlock(block, blocks.get(i).stepsPerSecond(), accounting(record),
                            new BlockInterval(block.workers(), record.startEpochNs(), record.endEpochNs())));
        }
        return measured;
    }

    /** A block's record as its accounting (the machine's part is sampled outside the fork, by time: see {@link BlockInterval}). */
    private static PointAccounting accounting(BlockRecord record) {
        PoolAccount pool = record.pool();
        PoolAccounting poolAccounting = pool == null ? null : new PoolAccounting(pool.source(), pool.workers().stream()
                .map(w -> new PoolAccounting.WorkerTimes(w.busyNs(), w.searchingNs(), w.asleepNs(), w.parkedNs(), w.steals(),
                        w.failedSteals(), w.sleeps(), w.wakeups(), w.wakeLatencyNs()))
                .toList(), pool.regions());
        return new PointAccounting(1, record.wallNs(), record.steps(), poolAccounting, null);
    }

    /** Each point's checksum (the launcher checked that its blocks agree). */
    private static Map<Block, String> checksums(List<JmhLauncher.MeasuredBlock> blocks, ForkPlan fork) {
        Map<Block, String> checksums = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            checksums.put(fork.order().get(i), ChecksumText.of(blocks.get(i).checksum()));
        }
        return checksums;
    }

    @Override
    public Duration typicalSetUp(ForkPlan fork) {
        return JVM_START.plusMillis(fork.settings().warmupIterations() * fork.settings().iterationMillis());
    }

    /** How long a fork may take (see {@link ForkPlan#timeout}). */
    public Duration timeoutFor(ForkPlan fork) {
        return fork.timeout(forkTimeout, FORK_OVERHEAD, typicalSetUp(fork));
    }

    /** Where the forks leave their checksums; forks run one at a time, so one file serves all. */
    private synchronized Path checksumFile() throws IOException {
        if (workDirectory == null) {
            workDirectory = TempFolders.create(name() + "-");
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
