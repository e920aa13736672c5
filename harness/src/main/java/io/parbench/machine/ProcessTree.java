package io.parbench.machine;

import io.parbench.jmh.JmhForks;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The processes whose threads a {@link MachineSampler} watches: a root and its descendants, found
 * again every few polls, so that a process started later (a JMH fork, a browser's renderer for a
 * new page, a browser relaunched after a crash) is seen.
 */
public final class ProcessTree {

    private final String description;
    private final Supplier<Stream<ProcessHandle>> roots;

    private ProcessTree(String description, Supplier<Stream<ProcessHandle>> roots) {
        this.description = description;
        this.roots = roots;
    }

    /** A process and its descendants, e.g. a test's child process. */
    public static ProcessTree of(long rootPid) {
        return new ProcessTree("the process tree of pid " + rootPid, () -> ProcessHandle.of(rootPid).stream());
    }

    /**
     * A browser and everything it started (renderers, content and web processes), with the root
     * asked for again each time: a local browser driver's {@code browserProcess()}, which changes
     * when the browser is relaunched.
     */
    public static ProcessTree browser(String browserName, Supplier<Optional<ProcessHandle>> browserProcess) {
        return new ProcessTree("the process tree of " + browserName, () -> browserProcess.get().stream());
    }

    /**
     * The JMH forks this JVM runs (engines jvm and native): its descendants whose main class is
     * JMH's ForkedMain. A fork started after the sampler is found at the next look.
     */
    public static ProcessTree jmhForks() {
        return new ProcessTree("this JVM's JMH forks", JmhForks::running);
    }

    /** Its processes now: the roots and their descendants, alive. */
    List<Long> pids() {
        return roots.get()
                .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .distinct()
                .toList();
    }

    /** E.g. "the process tree of chromium". */
    String describe() {
        return description;
    }
}
