package io.parbench.engines.nativelib;

import io.parbench.engines.jvm.JmhEngine;
import io.parbench.ffm.NativeLibrary;
import io.parbench.ffm.NativeLibraryException;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The native engine: the C kernels (the same source as the WASM build) in libparbench.so,
 * called through FFM from JMH forks, on the C library's own pool of W workers. The library is the
 * class path's, or a file given (another build's, for a comparison), which the forks load too.
 */
public final class NativeEngine extends JmhEngine {

    private final Path library;

    public NativeEngine(long seed, Duration forkTimeout) {
        this(seed, forkTimeout, null);
    }

    /** @param library a libparbench.so to run instead of the class path's; null for the class path's */
    public NativeEngine(long seed, Duration forkTimeout, Path library) {
        super(seed, forkTimeout, library == null ? List.of()
                : List.of("-D" + NativeLibrary.FILE_PROPERTY + "=" + library.toAbsolutePath()));
        this.library = library;
    }

    @Override
    public String name() {
        return "native";
    }

    /** Available when the library the forks will load loads here. */
    @Override
    public EngineFacts probe() {
        try {
            NativeLibrary loaded = library == null ? NativeLibrary.load() : NativeLibrary.loadFile(library.toAbsolutePath());
            return EngineFacts.available(name(), Map.of(
                    FactKeys.LIBRARY, loaded.path().toString(),
                    FactKeys.LIBRARY_ABI, Integer.toString(loaded.abiVersion()),
                    FactKeys.LIBRARY_RESOURCE, library == null ? NativeLibrary.resourceName() : "file"));
        } catch (NativeLibraryException e) {
            return EngineFacts.unavailable(name(), e.getMessage(),
                    "build libparbench.so with scripts/test or mvn -pl bench-wasm package, then run again.");
        }
    }
}
