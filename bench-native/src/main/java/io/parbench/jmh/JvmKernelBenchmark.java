package io.parbench.jmh;

import io.parbench.kernels.JavaKernels;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ParallelKernel;
import io.parbench.kernels.WorkerPools;
import java.util.concurrent.ForkJoinPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** The jvm engine: the Java kernels on a ForkJoinPool of exactly {@code workers} threads. */
public class JvmKernelBenchmark extends KernelBenchmark {
    /** "default" (the project's fork-join code) or "jdk" (the JDK's parallel library, sort only). */
    @Param({JavaKernels.DEFAULT_VARIANT})
    public String variant;

    private ForkJoinPool pool;

    @Override
    ParallelKernel open(KernelSpec spec, long size, long seed, int workers) {
        pool = WorkerPools.create(workers);
        return JavaKernels.create(spec, variant, size, seed, pool);
    }

    @Override
    void release() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    String engine() {
        return "jvm";
    }

    @Benchmark
    public void step() {
        instance().step();
    }
}
