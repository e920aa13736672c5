package io.parbench.engines.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test helper: a driver's browser the hard way, SIGKILL to its main process, or a signal to one of its processes. */
public final class BrowserCrash {

    /** What Chromium calls a Web Worker's thread (Linux keeps 15 characters of a thread's name). */
    private static final String WORKER_THREAD = "DedicatedWorker";

    private BrowserCrash() {}

    /** Kills the driver's browser process and waits until it is gone. */
    public static void kill(BrowserDriver driver) throws Exception {
        ProcessHandle browser = driver.browserProcess()
                .orElseThrow(() -> new IllegalStateException("the driver has no running browser process"));
        browser.destroyForcibly();
        browser.onExit().get(10, TimeUnit.SECONDS);
    }

    /** The ids of the Web Worker threads the driver's Chromium runs now (Linux's /proc). */
    public static Set<Path> workerThreads(BrowserDriver driver) {
        ProcessHandle browser = driver.browserProcess()
                .orElseThrow(() -> new IllegalStateException("the driver has no running browser process"));
        return browser.descendants().flatMap(BrowserCrash::workerThreads).collect(Collectors.toSet());
    }

    /**
     * Waits until the driver's Chromium runs {@code count} Web Worker threads besides {@code before}:
     * a new page's driver worker and its pool's helpers have started, so that page is running.
     */
    public static void awaitWorkerThreads(BrowserDriver driver, Set<Path> before, int count) throws InterruptedException {
        while (workerThreads(driver).stream().filter(thread -> !before.contains(thread)).count() < count) {
            Thread.sleep(50);
        }
    }

    /** The process a thread of {@link #workerThreads} runs in (its /proc/PID/task/TID). */
    public static ProcessHandle processOf(Path thread) {
        return ProcessHandle.of(Long.parseLong(thread.getName(1).toString()))
                .orElseThrow(() -> new IllegalStateException("the process of " + thread + " has ended"));
    }

    /** Sends {@code process} a signal by name (STOP, CONT, KILL…). */
    public static void signal(String name, ProcessHandle process) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor(),
                "kill -" + name + " " + process.pid());
    }

    private static Stream<Path> workerThreads(ProcessHandle process) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            return threads.filter(thread -> {
                try {
                    return Files.readString(thread.resolve("comm")).strip().equals(WORKER_THREAD);
                } catch (IOException e) {
                    return false; // the thread ended
                }
            }).toList().stream();
        } catch (IOException e) {
            return Stream.empty(); // the process ended
        }
    }
}
