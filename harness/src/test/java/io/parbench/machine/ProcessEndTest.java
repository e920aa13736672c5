package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real processes: one running, one its parent never reaps (a zombie), one reaped. */
class ProcessEndTest {

    @Test
    void aZombieHasEndedThoughTheJdkCallsItAlive() throws Exception {
        // bash starts a child that exits 2 s later, by when bash has become a sleep that never reaps it.
        Process parent = new ProcessBuilder("bash", "-c", "sleep 2 & echo $!; exec sleep 60").start();
        try {
            long pid = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8)).readLine().strip());
            ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
            assertFalse(ProcessEnd.ended(child), "the child runs");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!ProcessEnd.ended(child) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(ProcessEnd.ended(child), "the child exited and was never reaped");
            assertTrue(child.isAlive(), "the JDK counts a zombie as alive");
            assertFalse(ProcessEnd.ended(parent.toHandle()), "its parent still runs");
        } finally {
            parent.destroyForcibly().waitFor();
        }
        assertTrue(ProcessEnd.ended(parent.toHandle()), "reaped");
    }
}
