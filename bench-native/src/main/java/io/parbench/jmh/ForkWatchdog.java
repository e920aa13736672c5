package io.parbench.jmh;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops a JMH fork of this JVM that has run longer than its time, e.g. one whose step never
 * returns. Each fork is timed from its own start, so every fork gets the whole allowance. JMH
 * then sees its fork die and ends the run with an error instead of waiting forever.
 */
final class ForkWatchdog {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Thread thread;
    private final AtomicBoolean fired = new AtomicBoolean();

    private ForkWatchdog(Duration perFork) {
        thread = Thread.ofPlatform().daemon().name("parbench-jmh-watchdog").unstarted(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(POLL);
                    stopForksOlderThan(perFork);
                }
            } catch (InterruptedException e) {
                // the run finished
            }
        });
    }

    static ForkWatchdog start(Duration perFork) {
        ForkWatchdog watchdog = new ForkWatchdog(perFork);
        watchdog.thread.start();
        return watchdog;
    }

    /** Whether a fork ran out of time and was stopped. */
    boolean fired() {
        return fired.get();
    }

    void stop() {
        thread.interrupt();
    }

    /** Only this JVM's own JMH forks. */
    private void stopForksOlderThan(Duration perFork) {
        Instant deadline = Instant.now().minus(perFork);
        JmhForks.running()
                .filter(p -> p.info().startInstant().map(started -> started.isBefore(deadline)).orElse(false))
                .forEach(fork -> {
                    fired.set(true);
                    fork.destroyForcibly();
                });
    }
}
