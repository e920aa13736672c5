package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    private static final List<String> PROC_STAT = List.of("cpu  100 5 30 800 60 2 3 1 7 0",
            "cpu0 50 2 15 400 30 1 1 0 3 0", "cpu1 50 3 15 400 30 1 2 1 4 0", "intr 12345 0 0", "ctxt 999", "cpu_hotplug 1");

    @Test
    void busyIsAllButIdleAndIowaitAndGuestsAreNotCountedTwice() {
        // user nice system idle iowait irq softirq steal guest guest_nice: guests are already in user.
        assertEquals(new ProcStat.Ticks(100 + 5 + 30 + 2 + 3 + 1, 100 + 5 + 30 + 800 + 60 + 2 + 3 + 1),
                ProcStat.ticks(PROC_STAT.getFirst()));
    }

    @Test
    void anOldKernelsShorterLineCountsTheFieldsItHas() {
        // Before steal (Linux 2.6.11) the line ended at softirq.
        assertEquals(new ProcStat.Ticks(100 + 5 + 30 + 2 + 3, 100 + 5 + 30 + 800 + 60 + 2 + 3),
                ProcStat.ticks("cpu  100 5 30 800 60 2 3"));
    }

    @Test
    void aTickIsAHundredthOfASecond() {
        // USER_HZ is 100 on every Linux ABI: 141 busy ticks are 1.41 s.
        assertEquals(1_410_000_000L, ProcStat.ticks(PROC_STAT.getFirst()).busyNs());
    }

    @Test
    void theFirstBytesOfTheFileGiveTheFirstLinesTicks() {
        ByteBuffer firstBytes = ByteBuffer.wrap(String.join("\n", PROC_STAT).substring(0, 60).getBytes(StandardCharsets.US_ASCII));
        assertEquals(ProcStat.ticks(PROC_STAT.getFirst()), ProcStat.ticks(firstBytes));
    }

    @Test
    void theCpusAreTheCpuNLines() {
        assertEquals(2, ProcStat.cpus(PROC_STAT));
    }
}
