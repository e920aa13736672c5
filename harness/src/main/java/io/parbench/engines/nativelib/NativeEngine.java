package io.parbench.engines.nativelib;

import io.parbench.engines.jvm.JmhEngine;
import io.parbench.ffm.NativeLibrary;
import io.parbench.ffm.NativeLibraryException;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import java.time.Duration;
import java.util.Map;

/**
 * The native engine: the C kernels (the same source as the WASM build) in libparbench.so,
 * called through FFM from JMH forks, on the C library's own pool of W workers.
 */
public final class NativeEngine extends JmhEngine {

    public NativeEngine(long seed, Duration forkTimeout) {
        super(seed, forkTimeout);
    }

    @Override
    public String name() {
        return "native";
    }

    /** Available when the library on this class path loads here (the forks load the same one). */
    @Override
    public EngineFacts probe() {
        try {
            NativeLibrary library = NativeLibrary.load();
            return EngineFacts.available(name(), Map.of(
                    FactKeys.LIBRARY, library.path().toString(),
                    FactKeys.LIBRARY_ABI, Integer.toString(library.abiVersion()),
                    FactKeys.LIBRARY_RESOURCE, NativeLibrary.resourceName()));
        } catch (NativeLibraryException e) {
            return EngineFacts.unavailable(name(), e.getMessage(),
                    "build libparbench.so with scripts/test or mvn -pl bench-wasm package, then run again.");
        }
    }
}
