package io.parbench.jmh;

import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSizes;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ParallelKernel;
import io.parbench.kernels.PoolAccount;
import io.parbench.kernels.ResizableKernel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What the jvm and native benchmarks share: one fork measures a whole curve, its blocks in the
 * order of the {@code workers} parameter ({@link ForkOrder}: one measurement iteration per block,
 * the worker count switched between iterations), one step per JMH operation, so the Throughput
 * score is a block's steps per second. Each side measured gets one kernel instance for the fork,
 * made for every worker count it runs at. Each measured block's checksum and {@link BlockRecord}
 * (its steps, interval and pool accounting, taken in the iteration's set-up and tear-down, outside
 * the timed window) are written where the harness reads them ({@value ForkFlags#CHECKSUM_FILE_PROPERTY})
 * as soon as the block ends; without that property each point's checksum is printed at the end of
 * the fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {ForkFlags.NATIVE_ACCESS, ForkFlags.UNSAFE_ALLOW, ForkFlags.JDK_SORT_SPLIT})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class KernelBenchmark extends KernelParameter {
    /** A profile name (quick, default, full) or a number. */
    @Param({"quick"})
    public String size;

    /** A worker count, or the fork's blocks in order ({@link ForkOrder}: "1 2 4 4 2 1"). */
    @Param({"1", "2"})
    public String workers;

    @Param({"" + KernelSpec.DEFAULT_SEED})
    public long seed;

    private ForkOrder order;
    private final Map<ForkOrder.Side, ResizableKernel> instances = new EnumMap<>(ForkOrder.Side.class);
    private final Map<ForkOrder.Point, Long> checksums = new LinkedHashMap<>();
    private ForkOrder.Point block;
    private ResizableKernel running;
    private int warmedUp;
    private int measured;
    private long steps;
    private long startedNs;
    private long startedEpochNs;

    /** Creates the instance a side's blocks time, able to run at each of {@code workers}. */
    abstract ResizableKernel open(ForkOrder.Side side, KernelSpec spec, long size, long seed, SortedSet<Integer> workers);

    /** The engine's name as the harness uses it ("jvm", "native"). */
    abstract String engine();

    /** One step of the instance the current block times (the benchmark method). */
    final void runStep() {
        running.step();
        steps++;
    }

    @Setup(Level.Trial)
    public void setUp() {
        KernelSpec spec = KernelSpec.byId(kernel).orElseThrow(() -> new IllegalArgumentException(
                "unknown kernel '" + kernel + "': use one of " + KernelSpec.NAMES + "."));
        order = ForkOrder.parse(workers);
        long elements = KernelSizes.parse(spec, size);
        for (ForkOrder.Side side : order.sides()) {
            instances.put(side, open(side, spec, elements, seed, order.workers(side)));
        }
    }

    /** Switches to the block this iteration measures (warm-up iterations cycle through the points). */
    @Setup(Level.Iteration)
    public void startBlock(IterationParams iteration) {
        block = iteration.getType() == IterationType.WARMUP ? order.warmed(warmedUp++) : order.measured(measured++);
        running = instances.get(block.side());
        if (order.workers(block.side()).size() > 1) {
            // A side measured at one count runs its pool as made (a library built before pb_pool_use_workers can, too).
            running.useWorkers(block.workers());
        }
        steps = 0;
        startedEpochNs = epochNanos();
        startedNs = System.nanoTime();
        running.resetAccount();
    }

    /** A measured block's checksum is kept at once, so a fork that fails later keeps it. */
    @TearDown(Level.Iteration)
    public void endBlock(IterationParams iteration) {
        if (iteration.getType() != IterationType.MEASUREMENT) {
            return;
        }
        PoolAccount pool = running.readAccount();
        long wallNs = pool != null ? pool.windowNs() : System.nanoTime() - startedNs;
        BlockRecord record = new BlockRecord(steps, wallNs, startedEpochNs, epochNanos(), pool);
        long checksum = running.checksum();
        checksums.put(block, checksum);
        String file = System.getProperty(ForkFlags.CHECKSUM_FILE_PROPERTY);
        if (file != null) {
            ChecksumFile.append(Path.of(file), block.token(), checksum, record);
        }
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (System.getProperty(ForkFlags.CHECKSUM_FILE_PROPERTY) == null) {
                checksums.forEach((point, checksum) -> System.out.println("parbench checksum " + engine() + " " + kernel + " size=" + size
                        + " workers=" + point.token() + " seed=" + seed + ": " + ChecksumText.of(checksum)));
            }
        } finally {
            instances.values().forEach(ParallelKernel::close);
        }
    }
}
