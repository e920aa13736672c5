package io.parbench.jmh;

import io.parbench.ffm.NativeBench;
import io.parbench.ffm.NativeLibrary;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ResizableKernel;
import java.nio.file.Path;
import java.util.SortedSet;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The native engine: the C kernels of libparbench.so through FFM, each side on a C pool of its
 * largest worker count, switched to each block's count. Side B runs the library {@link
 * NativeLibrary#load()} finds; side A (a comparison measuring both in one JVM) the one named by
 * {@value NativeLibrary#BASELINE_FILE_PROPERTY}, a copy at a path of its own, so that the dynamic
 * linker loads it as a second library with state of its own.
 */
public class NativeKernelBenchmark extends KernelBenchmark {

    @Override
    ResizableKernel open(ForkOrder.Side side, KernelSpec spec, long size, long seed, SortedSet<Integer> workers) {
        return NativeBench.create(library(side), spec, size, seed, workers.last());
    }

    private static NativeLibrary library(ForkOrder.Side side) {
        if (side == ForkOrder.Side.B) {
            return NativeLibrary.load();
        }
        String file = System.getProperty(NativeLibrary.BASELINE_FILE_PROPERTY);
        if (file == null) {
            throw new IllegalArgumentException("blocks of side A run a second library, and none was given: pass its path to the"
                    + " forks as -D" + NativeLibrary.BASELINE_FILE_PROPERTY + "=FILE.");
        }
        return NativeLibrary.loadFile(Path.of(file));
    }

    @Override
    String engine() {
        return "native";
    }

    @Benchmark
    public void step() {
        runStep();
    }
}
