package io.parbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RunLockTest {

    /**
     * A file lock belongs to the whole JVM: a second run in the same JVM must wait, not throw.
     * Told by the second run's thread itself (parked, or ended with an error), never by a timer.
     */
    @Test
    void aSecondRunInTheSameJvmWaitsForTheFirst() throws Exception {
        PrintWriter err = new PrintWriter(new StringWriter());
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread second = new Thread(() -> {
            try (RunLock lock = RunLock.acquire(err)) {
                // measured here
            } catch (Exception e) {
                failed.set(e);
            }
        }, "second run");
        try (RunLock first = RunLock.acquire(err)) {
            second.start();
            while (second.isAlive() && second.getState() != Thread.State.WAITING) {
                Thread.sleep(10);
            }
            assertNull(failed.get(), "the second run did not wait for the first");
            assertEquals(Thread.State.WAITING, second.getState(), "the second run did not wait for the first");
        }
        second.join();
        assertNull(failed.get(), "the second run failed once the first had ended");
        assertFalse(second.isAlive());
    }
}
