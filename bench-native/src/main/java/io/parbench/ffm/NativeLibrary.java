package io.parbench.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The C kernel library (bench-wasm's libparbench.so) loaded through FFM, with one downcall
 * handle per function of parbench.h. It is found as a class-path resource (the bench-wasm jar,
 * or bench-wasm/target/classes in the reactor), extracted once to a cache file and never
 * unloaded. pb_pool_use_workers and the accounting (pb_pool_stats_*) are optional: libraries
 * built before them lack them ({@link #resizable()}, {@link #accounted()}).
 */
public final class NativeLibrary {
    /** The pb_abi_version this binding was written against (PB_ABI_VERSION in parbench.h). */
    public static final int ABI_VERSION = 1;
    static final String FILE_NAME = "libparbench.so";
    /**
     * A system property naming a libparbench.so to load instead of the class path's: how the forks
     * of a comparison's baseline side run the library of another build.
     */
    public static final String FILE_PROPERTY = "parbench.nativeLibrary";
    /**
     * A system property naming side A's libparbench.so in forks that measure both sides of a
     * comparison in one JVM: a copy at a path of its own, so that it loads as a second library.
     */
    public static final String BASELINE_FILE_PROPERTY = "parbench.baselineNativeLibrary";
    private static final String HOW_TO_BUILD = "build it with scripts/test or mvn -pl bench-wasm package";
    // ELF64 header fields (System V ABI): the magic, 64-bit class, little-endian data, ET_DYN, EM_X86_64.
    private static final int ELF_HEADER_BYTES = 64;
    private static final int ELF_MAGIC = 0x464c457f;
    private static final byte ELF_64_BIT = 2;
    private static final byte ELF_LITTLE_ENDIAN = 1;
    private static final short ELF_SHARED_OBJECT = 3;
    private static final short ELF_X86_64 = 62;

    private static NativeLibrary loaded;

    private final Path path;
    private final MethodHandle abiVersion;
    private final MethodHandle lastStatus;
    private final MethodHandle lastError;
    private final MethodHandle kernelCount;
    private final MethodHandle kernelName;
    private final MethodHandle kernelDefaultSize;
    private final MethodHandle poolCreate;
    private final MethodHandle poolWaitReady;
    private final MethodHandle poolWorkers;
    /** Null in a library built before pb_pool_use_workers. */
    private final MethodHandle poolUseWorkers;
    private final MethodHandle poolDestroy;
    private final MethodHandle benchCreate;
    private final MethodHandle benchStep;
    private final MethodHandle benchChecksum;
    private final MethodHandle benchDestroy;
    /** Null in a library built before the accounting. */
    private final MethodHandle poolStatsSize;
    private final MethodHandle poolStatsReset;
    private final MethodHandle poolStatsRead;

    private NativeLibrary(Path path, SymbolLookup symbols) {
        this.path = path;
        abiVersion = bind(symbols, "pb_abi_version", FunctionDescriptor.of(JAVA_INT));
        lastStatus = bind(symbols, "pb_last_status", FunctionDescriptor.of(JAVA_INT));
        lastError = bind(symbols, "pb_last_error", FunctionDescriptor.of(ADDRESS));
        kernelCount = bind(symbols, "pb_kernel_count", FunctionDescriptor.of(JAVA_INT));
        kernelName = bind(symbols, "pb_kernel_name", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        kernelDefaultSize = bind(symbols, "pb_kernel_default_size", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT));
        poolCreate = bind(symbols, "pb_pool_create", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        poolWaitReady = bind(symbols, "pb_pool_wait_ready", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        poolWorkers = bind(symbols, "pb_pool_workers", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        poolUseWorkers = bindIfPresent(symbols, "pb_pool_use_workers", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        poolDestroy = bind(symbols, "pb_pool_destroy", FunctionDescriptor.ofVoid(ADDRESS));
        benchCreate = bind(symbols, "pb_bench_create", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG));
        benchStep = bind(symbols, "pb_bench_step", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        benchChecksum = bind(symbols, "pb_bench_checksum", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        benchDestroy = bind(symbols, "pb_bench_destroy", FunctionDescriptor.ofVoid(ADDRESS));
        poolStatsSize = bindIfPresent(symbols, "pb_pool_stats_size", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        poolStatsReset = bindIfPresent(symbols, "pb_pool_stats_reset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        poolStatsRead = bindIfPresent(symbols, "pb_pool_stats_read", FunctionDescriptor.of(ADDRESS, ADDRESS));
        int abi = abiVersion();
        if (abi != ABI_VERSION) {
            throw new NativeLibraryException(path + " has ABI version " + abi + " but bench-native expects "
                    + ABI_VERSION + ": rebuild both modules from one checkout (scripts/test or mvn package).");
        }
    }

    /** The library named by {@link #FILE_PROPERTY}, else the class path's; loaded on first use. */
    public static synchronized NativeLibrary load() {
        if (loaded == null) {
            String file = System.getProperty(FILE_PROPERTY);
            loaded = file != null ? loadFile(Path.of(file)) : loadResource(NativeLibrary.class.getClassLoader(), resourceName());
        }
        return loaded;
    }

    /** The class-path resource holding the library for this platform. */
    public static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new NativeLibraryException("the native engine has a library for linux-x86_64 only, and this is "
                    + os + "/" + arch + ": run the jvm and chromium engines here.");
        }
        return "io/parbench/assets/native/linux-x86_64/" + FILE_NAME;
    }

    static NativeLibrary loadResource(ClassLoader loader, String resource) {
        byte[] content = LibraryExtractor.readResource(loader, resource);
        if (content == null) {
            throw new NativeLibraryException("the native kernel library is not on the class path (resource " + resource
                    + ", from the bench-wasm jar or bench-wasm/target/classes): " + HOW_TO_BUILD + ".");
        }
        try {
            return loadFile(LibraryExtractor.inTempDirectory().extract(content, FILE_NAME));
        } catch (UncheckedIOException e) {
            throw new NativeLibraryException(e.getMessage(), e);
        }
    }

    /** Loads the library from a file (the extracted resource, or a library built elsewhere). */
    public static NativeLibrary loadFile(Path file) {
        requireSharedLibrary(file);
        SymbolLookup symbols;
        try {
            symbols = SymbolLookup.libraryLookup(file, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new NativeLibraryException("could not load the native kernel library " + file + " (" + e.getMessage() + "): "
                    + HOW_TO_BUILD + ".", e);
        } catch (IllegalCallerException e) {
            throw new NativeLibraryException("this JVM may not load native libraries (" + e.getMessage() + "): run it with "
                    + "--enable-native-access=ALL-UNNAMED, as scripts/parbench does.", e);
        }
        return new NativeLibrary(file, symbols);
    }

    /**
     * Refuses a file that cannot be a shared library for this machine (linux-x86_64) before the
     * JVM tries to load it: a file that is no ELF, or is cut short, is named as such (the JVM's
     * own loader would warn about stack guards first, and then fail with dlopen's words).
     *
     * @throws NativeLibraryException saying what the file is and what to do
     */
    public static void requireSharedLibrary(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NativeLibraryException("the native kernel library " + file + " does not exist: " + HOW_TO_BUILD + ".");
        }
        byte[] header = new byte[ELF_HEADER_BYTES];
        int read;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
            size = Files.size(file);
        } catch (IOException e) {
            throw new NativeLibraryException("could not read the native kernel library " + file + ": " + e.getMessage() + ".", e);
        }
        ByteBuffer elf = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (read < ELF_HEADER_BYTES || elf.getInt(0) != ELF_MAGIC) {
            throw new NativeLibraryException(file + " is not a shared library (it has no ELF header): " + HOW_TO_BUILD + ".");
        }
        if (header[4] != ELF_64_BIT || header[5] != ELF_LITTLE_ENDIAN || elf.getShort(16) != ELF_SHARED_OBJECT
                || elf.getShort(18) != ELF_X86_64) {
            throw new NativeLibraryException(file + " is an ELF file, but not a shared library for linux-x86_64: " + HOW_TO_BUILD + ".");
        }
        long sectionHeadersEnd = elf.getLong(40) + (long) Short.toUnsignedInt(elf.getShort(58)) * Short.toUnsignedInt(elf.getShort(60));
        if (sectionHeadersEnd > size) {
            throw new NativeLibraryException(file + " is cut short (" + size + " bytes, where its own header says " + sectionHeadersEnd
                    + "): " + HOW_TO_BUILD + ".");
        }
    }

    private MethodHandle bind(SymbolLookup symbols, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = symbols.find(name).orElseThrow(() -> new NativeLibraryException(
                path + " has no function " + name + ", so it is not a build of this parbench.h: " + HOW_TO_BUILD + "."));
        return Linker.nativeLinker().downcallHandle(symbol, descriptor);
    }

    /** A function added within the ABI version, or null in a library built before it. */
    private static MethodHandle bindIfPresent(SymbolLookup symbols, String name, FunctionDescriptor descriptor) {
        return symbols.find(name).map(symbol -> Linker.nativeLinker().downcallHandle(symbol, descriptor)).orElse(null);
    }

    /** The file the library was loaded from. */
    public Path path() {
        return path;
    }

    public int abiVersion() {
        try {
            return (int) abiVersion.invokeExact();
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /**
     * Whether this library's pools can switch how many of their workers a step uses
     * (pb_pool_use_workers, {@link NativeBench#useWorkers(int)}); a library built before that
     * function cannot, and needs a pool per worker count.
     */
    public boolean resizable() {
        return poolUseWorkers != null;
    }

    /**
     * Whether this library keeps the pool's accounting (pb_pool_stats_*, {@link NativeBench#readStats()});
     * one built before it does not. (A library built with PB_STATS=0 has the functions, and they fail.)
     */
    public boolean accounted() {
        return poolStatsRead != null;
    }

    public int kernelCount() {
        try {
            return (int) kernelCount.invokeExact();
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The kernel's name, or null for an unknown id. */
    public String kernelName(int kernel) {
        try {
            return string((MemorySegment) kernelName.invokeExact(kernel));
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** pb_kernel_default_size: the size for a profile (0 quick, 1 default, 2 full), -1 if unknown. */
    public long kernelDefaultSize(int kernel, int profile) {
        try {
            return (long) kernelDefaultSize.invokeExact(kernel, profile);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** The exception describing the last failure of {@code function}, with pb_last_error()'s sentence. */
    NativeBenchException lastFailure(String function) {
        try {
            int status = (int) lastStatus.invokeExact();
            String message = string((MemorySegment) lastError.invokeExact());
            return new NativeBenchException(function, status, message == null ? "" : message);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    MemorySegment poolCreate(int workers) {
        try {
            return (MemorySegment) poolCreate.invokeExact(workers);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int poolWaitReady(MemorySegment pool, int timeoutMs) {
        try {
            return (int) poolWaitReady.invokeExact(pool, timeoutMs);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int poolWorkers(MemorySegment pool) {
        try {
            return (int) poolWorkers.invokeExact(pool);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int poolUseWorkers(MemorySegment pool, int workers) {
        if (poolUseWorkers == null) {
            throw new NativeLibraryException(path + " was built before pb_pool_use_workers, so its pools cannot switch to "
                    + workers + " workers: create a bench per worker count, or rebuild the library from this checkout ("
                    + HOW_TO_BUILD + ").");
        }
        try {
            return (int) poolUseWorkers.invokeExact(pool, workers);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    void poolDestroy(MemorySegment pool) {
        try {
            poolDestroy.invokeExact(pool);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    MemorySegment benchCreate(MemorySegment pool, int kernel, long size, long seed) {
        try {
            return (MemorySegment) benchCreate.invokeExact(pool, kernel, size, seed);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int benchStep(MemorySegment bench) {
        try {
            return (int) benchStep.invokeExact(bench);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    long benchChecksum(MemorySegment bench) {
        try {
            return (long) benchChecksum.invokeExact(bench);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    void benchDestroy(MemorySegment bench) {
        try {
            benchDestroy.invokeExact(bench);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    int poolStatsReset(MemorySegment pool) {
        requireAccounting();
        try {
            return (int) poolStatsReset.invokeExact(pool);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    /** pb_pool_stats_read's values, or null (then {@link #lastFailure(String)} says why). */
    long[] poolStatsRead(MemorySegment pool) {
        requireAccounting();
        try {
            int size = (int) poolStatsSize.invokeExact(pool);
            MemorySegment values = (MemorySegment) poolStatsRead.invokeExact(pool);
            return values.address() == 0 ? null : values.reinterpret(8L * size).toArray(JAVA_LONG);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private void requireAccounting() {
        if (!accounted()) {
            throw new NativeLibraryException(path + " was built before the pool's accounting (pb_pool_stats_read): "
                    + "rebuild the library from this checkout (" + HOW_TO_BUILD + ").");
        }
    }

    /** A C string result, or null for NULL. */
    private static String string(MemorySegment pointer) {
        return pointer.address() == 0 ? null : pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** Downcalls throw only on a bug in the binding (a wrong type); keep it visible as such. */
    private static IllegalStateException failed(Throwable t) {
        return new IllegalStateException("calling the native kernel library failed: " + t, t);
    }
}
