package io.parbench.engines.browser;

import io.parbench.process.Shutdown;
import io.parbench.text.ErrorText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process parbench starts for a browser (the browser itself, its WebDriver, an X server),
 * with everything it starts in turn: its output is kept (the last lines, for failure reasons)
 * and can be waited for, and closing it kills the whole tree. Every child still running when
 * the JVM exits (Ctrl-C) is killed at {@link Shutdown.Step#KILL_PROCESSES}.
 */
public final class ChildProcess implements AutoCloseable {

    private static final int KEPT_LINES = 40;
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Shutdown.at(Shutdown.Step.KILL_PROCESSES, () -> {
            synchronized (RUNNING) {
                RUNNING.forEach(ChildProcess::kill);
            }
        });
    }

    private final String name;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Map<Pattern, CompletableFuture<Matcher>> awaited = new ConcurrentHashMap<>();

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread.ofPlatform().daemon().name("parbench-" + name + "-output").start(this::readOutput);
    }

    /**
     * Starts a process with its output (stdout and stderr together) kept.
     *
     * @param environment the whole environment of the process
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path directory)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        // Under the lock the shutdown kills with: a process started while parbench exits would outlive it.
        synchronized (RUNNING) {
            if (Shutdown.started()) {
                throw new IOException("parbench is exiting: " + name + " is not started");
            }
            ChildProcess child = new ChildProcess(name, builder.start());
            RUNNING.add(child);
            return child;
        }
    }

    /**
     * Waits for a line of output that matches, e.g. the address a server listens on.
     *
     * @throws IOException when the process ends first or the time runs out, with its last lines
     */
    public Matcher awaitLine(Pattern pattern, Duration timeout) throws IOException {
        CompletableFuture<Matcher> match = awaited.computeIfAbsent(pattern, p -> new CompletableFuture<>());
        synchronized (lastLines) {
            for (String line : lastLines) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m;
                }
            }
        }
        try {
            return match.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(name + " did not say '" + pattern + "' within " + timeout.toSeconds() + " s" + lastLinesSuffix());
        } catch (ExecutionException e) {
            throw new IOException(name + " " + exitDescription() + " before saying '" + pattern + "'" + lastLinesSuffix());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + name, e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** How the process ended: "exited with code 1", "was killed by signal 9 (SIGKILL)"; or "is still running". */
    public String exitDescription() {
        if (process.isAlive()) {
            return "is still running";
        }
        int code = process.exitValue();
        // The JDK reports a process killed by signal N as exit code 128 + N.
        if (code > 128 && code < 128 + 65) {
            return "was killed by signal " + (code - 128) + signalName(code - 128);
        }
        return "exited with code " + code;
    }

    /** The last lines it wrote. */
    public List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    /** Its name and process id, e.g. "firefox (pid 4711)". */
    public String describe() {
        return name + " (pid " + process.pid() + ")";
    }

    /** Kills the process and everything it started, and waits briefly for it to be gone. */
    @Override
    public void close() {
        kill();
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // it was sent SIGKILL; nothing more to do
        }
        RUNNING.remove(this);
    }

    private void kill() {
        // Descendants first: once the parent is gone they are no longer ours to find.
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                for (Map.Entry<Pattern, CompletableFuture<Matcher>> entry : awaited.entrySet()) {
                    Matcher m = entry.getKey().matcher(line);
                    if (m.find()) {
                        entry.getValue().complete(m);
                    }
                }
            }
        } catch (IOException e) {
            // the process closed its output: it is ending
        } finally {
            awaited.values().forEach(future -> future.completeExceptionally(new IOException(name + " ended")));
        }
    }

    private String lastLinesSuffix() {
        return ErrorText.lastLines("output", lastLines(), 5);
    }

    private static String signalName(int signal) {
        return Optional.ofNullable(Map.of(6, "SIGABRT", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM").get(signal))
                .map(n -> " (" + n + ")").orElse("");
    }
}
