package io.parbench.results;

/**
 * The names of the facts engines record about themselves ({@link EngineFacts#facts()}): written by
 * the engines, read by the report's checklist and shown by doctor and the report. One vocabulary,
 * so a reader never looks for a key that no engine writes.
 */
public final class FactKeys {

    // Every engine that runs in a JVM of its own (jvm, native).
    public static final String JAVA = "java";
    public static final String VM = "vm";
    public static final String JAVA_HOME = "javaHome";
    public static final String JMH = "jmh";
    public static final String JDK_SORT_SPLIT = "jdkSortSplit";
    /** Extra options of the forked JVMs (a comparison's --jvm-args / --baseline-jvm-args). */
    public static final String JVM_ARGS = "jvmArgs";

    // native: the C library.
    public static final String LIBRARY = "library";
    public static final String LIBRARY_ABI = "abi";
    public static final String LIBRARY_RESOURCE = "resource";

    // Browser engines.
    public static final String EXECUTABLE = "executable";
    public static final String EXECUTABLE_SOURCE = "executableSource";
    public static final String ISOLATION_SERVED = "isolationServed";

    // What 'parbench inspect' found in the module a browser engine runs.
    public static final String WASM_SHARED_MEMORY = "wasm.sharedMemory";
    public static final String WASM_ATOMICS = "wasm.atomics";
    public static final String WASM_THREADS_READY = "wasm.threadsReady";
    public static final String WASM_ERROR = "wasm.error";

    // byo: the user's adapter.
    public static final String ADAPTER = "adapter";
    public static final String ADAPTER_PROBLEM = "adapterProblem";
    public static final String ADAPTER_PARAMS = "adapterParams";
    public static final String KERNEL = "kernel";
    public static final String UNIT = "unit";
    public static final String EXPORTS = "exports";

    private FactKeys() {}
}
