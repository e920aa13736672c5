package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The names as /proc gives them (15 characters), as the real processes showed them (RESULTS.md, "Accounting"). */
class WorkerThreadsTest {

    @Test
    void matchesTheNamesLinuxKeeps() {
        assertTrue(WorkerThreads.NATIVE.matches("pb-worker-12"));
        assertTrue(WorkerThreads.NATIVE.matches("io.parbench.jmh"));
        assertFalse(WorkerThreads.NATIVE.matches("parbench-pool1-"));
        assertTrue(WorkerThreads.JVM.matches("parbench-pool1-"));
        assertTrue(WorkerThreads.JVM.matches("parbench-pool12"));
        assertFalse(WorkerThreads.JVM.matches("ForkJoinPool.co"), "the common pool is not the kernel's");
        assertTrue(WorkerThreads.CHROMIUM.matches("DedicatedWorker"));
        assertFalse(WorkerThreads.CHROMIUM.matches("ThreadPoolForeg"));
        assertTrue(WorkerThreads.FIREFOX.matches("DOM Worker"));
        assertTrue(WorkerThreads.FIREFOX.runsWorkers("Isolated Web Co"));
        assertFalse(WorkerThreads.FIREFOX.runsWorkers("Privileged Cont"), "Firefox's own workers");
        assertFalse(WorkerThreads.FIREFOX.runsWorkers("firefox-esr"), "Firefox's own workers");
        assertTrue(WorkerThreads.WEBKIT.matches("WebCore: Worker"));
    }

    @Test
    void isFoundByEngineOrBrowser() {
        assertEquals(Optional.of(WorkerThreads.FIREFOX), WorkerThreads.of("firefox"));
        assertEquals(Optional.of(WorkerThreads.NATIVE), WorkerThreads.of("native"));
        assertEquals(Optional.empty(), WorkerThreads.of("safari"));
    }
}
