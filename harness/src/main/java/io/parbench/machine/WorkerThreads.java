package io.parbench.machine;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of an engine's worker threads, as Linux keeps them: /proc/<pid>/task/<tid>/comm holds
 * 15 characters of a name (the JVM's and Chromium's longer names are cut there). One entry per
 * kind of process tree parbench samples; RESULTS.md ("Accounting") has the same table.
 */
public enum WorkerThreads {

    /**
     * The native engine's JMH fork: the C pool's helpers, which name themselves {@code pb-worker-N}
     * (N = 1..W-1, bench-wasm/src/main/c/native/platform_native.c), and worker 0, the JMH thread
     * that steps the kernel ({@code io.parbench.jmh.NativeKernelBenchmark.step-jmh-worker-1}, cut
     * to {@code io.parbench.jmh}).
     */
    NATIVE("pb-worker-N and the JMH thread (io.parbench.jmh…)", "pb-worker-\\d+|io\\.parbench\\.jmh"),

    /**
     * The jvm engine's JMH fork: the ForkJoinPool workers of io.parbench.kernels.WorkerPools
     * ({@code parbench-poolP-workerI}, cut to {@code parbench-poolP-}: the worker's index is lost),
     * and the JMH thread, which submits each step to the pool and waits or helps.
     */
    JVM("parbench-poolP-workerI and the JMH thread (io.parbench.jmh…)", "parbench-pool\\d+-?|io\\.parbench\\.jmh"),

    /** Chromium: a page's Web Workers (the driver, worker 0, and the W-1 helpers) each run on a thread of the renderer. */
    CHROMIUM("DedicatedWorker thread", "DedicatedWorker"),

    /**
     * Firefox: a page's Web Workers run on "DOM Worker" threads of its web content process
     * ("Isolated Web Content", or "Web Content"). Firefox's own processes (the parent, "Privileged
     * Content") run workers of the same name for the browser itself: they are left out.
     */
    FIREFOX("DOM Worker", "DOM Worker", "Isolated Web Co|Web Content"),

    /** WebKitGTK: a page's Web Workers run on threads of its WebKitWebProcess. */
    WEBKIT("WebCore: Worker", "WebCore: Worker");

    private final String description;
    private final Pattern names;
    private final Pattern processes;

    WorkerThreads(String description, String names) {
        this(description, names, ".*");
    }

    /** @param processes the names of the processes that run the workers (as /proc gives them) */
    WorkerThreads(String description, String names, String processes) {
        this.description = description;
        this.names = Pattern.compile(names);
        this.processes = Pattern.compile(processes);
    }

    /**
     * The worker threads of an engine ({@code native}, {@code jvm}) or of a local browser
     * ({@code chromium}, {@code firefox}, {@code webkit}: also byo's, whose modules' threads are
     * that browser's Web Workers); empty for any other.
     */
    public static Optional<WorkerThreads> of(String engineOrBrowser) {
        return Arrays.stream(values()).filter(w -> w.name().equalsIgnoreCase(engineOrBrowser)).findFirst();
    }

    /** Whether a thread of this name (as /proc gives it) is one of the workers. */
    public boolean matches(String threadName) {
        return names.matcher(threadName).matches();
    }

    /** Whether a process of this name (as /proc gives it, its main thread's) may run the workers. */
    boolean runsWorkers(String processName) {
        return processes.matcher(processName).matches();
    }

    /** The names, as people read them, e.g. "DedicatedWorker thread". */
    public String description() {
        return description;
    }
}
