package io.parbench.jmh;

import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSizes;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ParallelKernel;
import java.nio.file.Path;
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

/**
 * What the jvm and native benchmarks share: one kernel instance per trial (fork) of the kernel
 * {@link KernelParameter} names, one step per JMH operation, so the Throughput score is steps per second. The trial's checksum is written
 * where the harness reads it ({@value ForkFlags#CHECKSUM_FILE_PROPERTY}) or printed.
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

    @Param({"1", "2"})
    public int workers;

    @Param({"" + KernelSpec.DEFAULT_SEED})
    public long seed;

    private ParallelKernel instance;

    /** Creates the instance this benchmark times, on a pool of {@code workers}. */
    abstract ParallelKernel open(KernelSpec spec, long size, long seed, int workers);

    /** Frees what {@link #open} started besides the instance (its pool), if anything. */
    abstract void release();

    /** The engine's name as the harness uses it ("jvm", "native"). */
    abstract String engine();

    final ParallelKernel instance() {
        return instance;
    }

    @Setup(Level.Trial)
    public void setUp() {
        KernelSpec spec = KernelSpec.byId(kernel).orElseThrow(() -> new IllegalArgumentException(
                "unknown kernel '" + kernel + "': use one of " + KernelSpec.NAMES + "."));
        instance = open(spec, KernelSizes.parse(spec, size), seed, workers);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (instance != null) {
                publish(instance.checksum());
                instance.close();
            }
        } finally {
            release();
        }
    }

    private void publish(long checksum) {
        String file = System.getProperty(ForkFlags.CHECKSUM_FILE_PROPERTY);
        if (file != null) {
            ChecksumFile.append(Path.of(file), checksum);
        } else {
            System.out.println("parbench checksum " + engine() + " " + kernel + " size=" + size + " workers=" + workers
                    + " seed=" + seed + ": " + ChecksumText.of(checksum));
        }
    }
}
