package io.parbench.jmh;

import io.parbench.ffm.NativeBench;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ParallelKernel;
import org.openjdk.jmh.annotations.Benchmark;

/** The native engine: the C kernels of libparbench.so through FFM, on the C pool of {@code workers}. */
public class NativeKernelBenchmark extends KernelBenchmark {

    @Override
    ParallelKernel open(KernelSpec spec, long size, long seed, int workers) {
        return NativeBench.create(spec, size, seed, workers);
    }

    @Override
    void release() {
        // The NativeBench owns its pool and closes it with itself.
    }

    @Override
    String engine() {
        return "native";
    }

    @Benchmark
    public void step() {
        instance().step();
    }
}
