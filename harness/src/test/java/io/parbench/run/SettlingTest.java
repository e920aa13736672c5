package io.parbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.machine.ProcStat;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SettlingTest {

    @Test
    void countsBusyCoresBetweenTwoReadings() {
        // 4 CPUs, 400 ticks passed of which 150 busy: 1.5 cores.
        assertEquals(1.5, Settling.busyCores(new ProcStat.Ticks(1000, 5000), new ProcStat.Ticks(1150, 5400), 4), 1e-9);
        assertEquals(0, Settling.busyCores(new ProcStat.Ticks(1000, 5000), new ProcStat.Ticks(1000, 5000), 4), 1e-9);
    }

    /** A wait that runs out in a quiet window names the busy one before it, not "0.0 cores". */
    @Test
    void namesTheBusiestOfTheLastBusyWindowAndTheQuietOnesAfterIt() {
        Settling.Windows windows = windows(1.4, 0.2);
        assertFalse(windows.quiet());
        assertEquals(1.4, windows.busiest(), 1e-9);

        assertTrue(windows(1.4, 0.2, 0.1).quiet(), "two quiet windows in a row");
        assertFalse(windows(0.1, 1.4, 0.2).quiet(), "a busy window starts the count again");
        // A later busy window is the one named, even when an earlier one was busier.
        assertEquals(0.8, windows(1.9, 0.2, 0.8).busiest(), 1e-9);
        assertEquals(0.8, windows(1.9, 0.8, 0.1).busiest(), 1e-9);
        assertEquals(0.3, windows(0.1, 0.3, 0.2).busiest(), 1e-9, "a machine never busy names its busiest quiet window");
    }

    private static Settling.Windows windows(double... busyCores) {
        Settling.Windows windows = new Settling.Windows();
        for (double window : busyCores) {
            windows.add(window);
        }
        return windows;
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSpinningThreadKeepsTheMachineBusyUntilTheLimit() throws Exception {
        AtomicBoolean spin = new AtomicBoolean(true);
        Thread hog = Thread.ofPlatform().daemon().start(() -> {
            while (spin.get()) {
                Thread.onSpinWait();
            }
        });
        try {
            Duration limit = Duration.ofSeconds(1);
            Settling.Result result = Settling.await(limit);
            assertFalse(result.quiet(), result::toString);
            assertTrue(result.waited().compareTo(limit) >= 0, result::toString);
            // One core spins, whatever the machine: more than the quiet threshold.
            assertTrue(result.busyCores() > Settling.QUIET_CORES, result::toString);
        } finally {
            spin.set(false);
            hog.join();
        }
    }
}
