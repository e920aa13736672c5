package io.parbench.engines.nativelib;

import io.parbench.engines.jvm.JmhEngine;
import io.parbench.ffm.NativeLibrary;
import io.parbench.ffm.NativeLibraryException;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The native engine: the C kernels (the same source as the WASM build) in libparbench.so,
 * called through FFM from JMH forks, on the C library's own pool. The library is the class
 * path's, or a file given (another build's, for a comparison), which the forks load too. An
 * engine {@link #paired} for a comparison loads side A's library beside it in every fork.
 */
public final class NativeEngine extends JmhEngine {

    private final Path library;
    /** Side A's library where this engine measures both sides in each fork (a copy of its own), else null. */
    private final Path baselineCopy;
    /** Whether the forks can measure curves; known once asked. */
    private Boolean resizable;

    public NativeEngine(long seed, Duration forkTimeout) {
        this(seed, forkTimeout, null);
    }

    /** @param library a libparbench.so to run instead of the class path's; null for the class path's */
    public NativeEngine(long seed, Duration forkTimeout, Path library) {
        this(seed, forkTimeout, library, null);
    }

    private NativeEngine(long seed, Duration forkTimeout, Path library, Path baselineCopy) {
        super(seed, forkTimeout, forkArguments(library, baselineCopy));
        this.library = library;
        this.baselineCopy = baselineCopy;
    }

    private static List<String> forkArguments(Path library, Path baselineCopy) {
        List<String> args = new ArrayList<>();
        if (library != null) {
            args.add("-D" + NativeLibrary.FILE_PROPERTY + "=" + library.toAbsolutePath());
        }
        if (baselineCopy != null) {
            args.add("-D" + NativeLibrary.BASELINE_FILE_PROPERTY + "=" + baselineCopy);
        }
        return args;
    }

    /**
     * An engine that measures both sides of a comparison in each JVM: {@code library} (null: the
     * class path's) as side B and {@code baselineLibrary} as side A, each on a pool of its own,
     * their blocks interleaved; or why the sides need forks of their own. Side A runs a copy at a
     * path of its own, so that the dynamic linker loads it as a second library even when both are
     * the same file.
     */
    public static Pairing paired(long seed, Duration forkTimeout, Path library, Path baselineLibrary) {
        // A fork of both sides measures every worker count of each: both pools must switch counts.
        for (Path side : Arrays.asList(baselineLibrary, library)) {
            if (!resizable(side)) {
                return new Pairing(null, "separate forks: " + (side == library ? "side B's" : "side A's") + " libparbench.so was built"
                        + " before pb_pool_use_workers, so one JVM cannot measure its curve");
            }
        }
        Path copy;
        try {
            Path folder = Files.createTempDirectory("parbench-native-side-a-");
            copy = Files.copy(baselineLibrary, folder.resolve(baselineLibrary.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy side A's library " + baselineLibrary + " to a folder of its own: " + e.getMessage(), e);
        }
        return new Pairing(new NativeEngine(seed, forkTimeout, library, copy), null);
    }

    /** A paired engine, or why there is none. */
    public record Pairing(NativeEngine engine, String refused) {}

    @Override
    protected boolean measuresBothSides() {
        return baselineCopy != null;
    }

    @Override
    public String name() {
        return "native";
    }

    /**
     * A curve per fork where the library can switch its pool's worker count (pb_pool_use_workers);
     * one built before that measures one worker count per fork.
     */
    @Override
    public synchronized boolean measuresCurves() {
        if (resizable == null) {
            resizable = resizable(library);
        }
        return resizable;
    }

    /** Whether the library (null: the class path's) loads here and can switch its pools' worker count. */
    private static boolean resizable(Path library) {
        try {
            return (library == null ? NativeLibrary.load() : NativeLibrary.loadFile(library.toAbsolutePath())).resizable();
        } catch (NativeLibraryException e) {
            return false;
        }
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

    @Override
    public synchronized void close() throws IOException {
        super.close();
        if (baselineCopy != null) {
            Files.deleteIfExists(baselineCopy);
            Files.deleteIfExists(baselineCopy.getParent());
        }
    }
}
