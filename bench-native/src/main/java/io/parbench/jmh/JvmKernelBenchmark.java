package io.parbench.jmh;

import io.parbench.kernels.JavaKernels;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ResizableKernel;
import java.util.SortedSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The jvm engine: the Java kernels on a ForkJoinPool of exactly W threads, a pool for each
 * worker count of the fork (the idle ones parked).
 */
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
        return JavaKernels.resizable(spec, variant, size, seed, workers);
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
