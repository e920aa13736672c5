package io.parbench.inspect;

import java.util.List;

/**
 * Whether several workers can run the module on one shared memory.
 *
 * @param reasons why not, each with what to do; empty when threads-ready
 * @param notes things worth knowing that do not stop threads
 * @param sideModule a side module of dynamic linking: it runs only inside its main module, on that
 *     module's memory and threads, so its verdict says only whether it can join a threaded one
 */
public record ThreadsVerdict(boolean threadsReady, List<String> reasons, List<String> notes, boolean sideModule) {

    /** What a side module's verdict means, worded once for inspect's text and byo's messages. */
    public static final String SIDE_MODULE = "a side module: it is loaded into a main module (dlopen, or Emscripten's "
            + "dynamicLibraries) and runs on that module's memory and threads, never on its own";

    public ThreadsVerdict(boolean threadsReady, List<String> reasons, List<String> notes) {
        this(threadsReady, reasons, notes, false);
    }

    /** One line: "threads-ready", "threads-ready (a side module: …)" or "not threads-ready (why; why)". */
    public String summary() {
        String verdict = threadsReady ? "threads-ready" : "not threads-ready (" + String.join("; ", reasons) + ")";
        return sideModule ? verdict + (threadsReady ? " (" : "; ") + SIDE_MODULE + (threadsReady ? ")" : "") : verdict;
    }
}
