package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aFileKeptOpenGivesItsFirstLinesTicksAtEachRead(@TempDir Path dir) throws Exception {
        Path stat = Files.writeString(dir.resolve("stat"), String.join("\n", PROC_STAT) + "\n");
        try (ProcFiles.OpenFile file = new ProcFiles.OpenFile(stat, 512)) {
            assertEquals(ProcStat.ticks(PROC_STAT.getFirst()), ProcStat.read(file));
            Files.writeString(stat, "cpu  1 2 3 4 5 6 7 8\n" + PROC_STAT.get(1));
            assertEquals(ProcStat.ticks("cpu  1 2 3 4 5 6 7 8"), ProcStat.read(file), "read again from its start");
        }
    }

    @Test
    void theCpusAreTheCpuNLines() {
        assertEquals(2, ProcStat.cpus(PROC_STAT));
    }
}
