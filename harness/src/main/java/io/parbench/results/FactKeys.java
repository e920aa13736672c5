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
    /** How the browser is driven: Playwright, WebDriver BiDi, WebDriver. */
    public static final String DRIVER = "driver";
    /** webkit: JavaScriptCore's switch for SharedArrayBuffer in WebKitGTK ("1" or "unset"). */
    public static final String JSC_SHARED_ARRAY_BUFFER = "JSC_useSharedArrayBuffer";
    /** webkit: the X display MiniBrowser runs on. */
    public static final String DISPLAY = "display";

    // A browser on another machine, reached through a WebDriver endpoint (--webdriver-url).
    /** The endpoint (a Selenium Grid hub or one WebDriver server), without credentials. */
    public static final String WEBDRIVER_URL = "webdriverUrl";
    /** Where the remote browser loaded the pages from: scheme, address and port (never the run's secret path). */
    public static final String PAGES_ORIGIN = "pagesOrigin";
    /** The W3C browserName the endpoint granted (chrome, firefox, safari, MicrosoftEdge, MiniBrowser). */
    public static final String REMOTE_BROWSER_NAME = "remote.browserName";
    /** The W3C platformName the endpoint granted (linux, mac, windows). */
    public static final String REMOTE_PLATFORM_NAME = "remote.platformName";
    /** What the remote browser says it runs on (navigator.platform, e.g. MacIntel, Win32, Linux x86_64). */
    public static final String REMOTE_PLATFORM = "remote.platform";
    public static final String REMOTE_USER_AGENT = "remote.userAgent";
    /** The remote machine's logical cores as its browser sees them (navigator.hardwareConcurrency). */
    public static final String REMOTE_CORES = "remote.hardwareConcurrency";

    // What 'parbench inspect' found in the module a browser engine runs.
    public static final String WASM_SHARED_MEMORY = "wasm.sharedMemory";
    public static final String WASM_ATOMICS = "wasm.atomics";
    public static final String WASM_THREADS_READY = "wasm.threadsReady";
    public static final String WASM_ERROR = "wasm.error";

    // byo: the user's adapter.
    public static final String ADAPTER = "adapter";
    public static final String ADAPTER_PROBLEM = "adapterProblem";
    public static final String ADAPTER_PARAMS = "adapterParams";
    /** The browser the adapter runs in (--browser). */
    public static final String BROWSER = "browser";
    public static final String KERNEL = "kernel";
    public static final String UNIT = "unit";
    public static final String EXPORTS = "exports";

    private FactKeys() {}
}
