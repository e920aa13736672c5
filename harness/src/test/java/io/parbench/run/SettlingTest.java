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
