package io.parbench.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RunLockTest {

    /** A file lock belongs to the whole JVM: a second run in the same JVM must wait, not throw. */
    @Test
    void aSecondRunInTheSameJvmWaitsForTheFirst() throws Exception {
        PrintWriter err = new PrintWriter(new StringWriter());
        CompletableFuture<Void> second;
        try (RunLock first = RunLock.acquire(err)) {
            second = CompletableFuture.runAsync(() -> {
                try (RunLock lock = RunLock.acquire(err)) {
                    // measured here
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                second.get(500, TimeUnit.MILLISECONDS);
            } catch (TimeoutException expected) {
                // still waiting, as it should
            }
            assertFalse(second.isDone(), "the second run did not wait for the first: " + second);
        }
        second.get(30, TimeUnit.SECONDS);
        assertTrue(second.isDone() && !second.isCompletedExceptionally());
    }
}
