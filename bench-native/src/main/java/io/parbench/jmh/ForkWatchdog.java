package io.parbench.jmh;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the JMH forks of this JVM when a run overstays its time, e.g. a step that never
 * returns. JMH then sees its fork die and ends the run with an error instead of waiting forever.
 */
final class ForkWatchdog {
    private static final String FORK_MAIN = "org.openjdk.jmh.runner.ForkedMain";

    private final Thread thread;
    private final AtomicBoolean fired = new AtomicBoolean();

    private ForkWatchdog(Duration allowed) {
        thread = Thread.ofPlatform().daemon().name("parbench-jmh-watchdog").unstarted(() -> {
            try {
                Thread.sleep(allowed);
            } catch (InterruptedException e) {
                return; // the run finished in time
            }
            fired.set(true);
            stopForks();
        });
    }

    static ForkWatchdog start(Duration allowed) {
        ForkWatchdog watchdog = new ForkWatchdog(allowed);
        watchdog.thread.start();
        return watchdog;
    }

    /** Whether the time ran out and the forks were stopped. */
    boolean fired() {
        return fired.get();
    }

    void stop() {
        thread.interrupt();
    }

    /** Only this JVM's own descendants that are JMH forks. */
    private static void stopForks() {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains(FORK_MAIN)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
