package io.parbench.jmh;

import io.parbench.kernels.JavaKernels;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ResizableKernel;
import java.util.SortedSet;
import java.util.concurrent.ForkJoinTask;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;

/**
 * The jvm engine: the Java kernels on a ForkJoinPool of exactly W threads, one pool for the fork
 * resized to each worker count (the idle workers parked). JMH's benchmark thread is one of its
 * workers ({@link SteppingPool}).
 */
@Fork(value = 2, jvmArgsAppend = {ForkFlags.NATIVE_ACCESS, ForkFlags.UNSAFE_ALLOW, ForkFlags.JDK_SORT_SPLIT,
        ForkFlags.STEPPING_EXECUTOR, ForkFlags.STEPPING_EXECUTOR_CLASS})
public class JvmKernelBenchmark extends KernelBenchmark {
    /** "default" (the project's fork-join code) or "jdk" (the JDK's parallel library, sort only). */
    @Param({JavaKernels.DEFAULT_VARIANT})
    public String variant;

    @Override
    ResizableKernel open(ForkOrder.Side side, KernelSpec spec, long size, long seed, SortedSet<Integer> workers) {
        if (side != ForkOrder.Side.B) {
            throw new IllegalArgumentException("the jvm engine measures one side per fork, so its blocks are worker counts"
                    + " without a side: '" + this.workers + "'.");
        }
        if (!(ForkJoinTask.getPool() instanceof SteppingPool.Workers pool)) {
            throw new IllegalStateException("the jvm engine's benchmark thread must be a worker of the kernel's pool: run its forks"
                    + " with " + ForkFlags.STEPPING_EXECUTOR + " " + ForkFlags.STEPPING_EXECUTOR_CLASS + ".");
        }
        return JavaKernels.resizable(spec, variant, size, seed, workers, pool);
    }

    @Override
    String engine() {
        return "jvm";
    }

    @Benchmark
    public void step() {
        runStep();
    }
}
