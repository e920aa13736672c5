package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class ProcFilesTest {

    /**
     * A kept-open process stat reads the same CPU time as the file read whole, for a process whose
     * name holds spaces and parentheses (the fields are counted from the name's last ")"), and -1
     * once the process is gone.
     */
    @Test
    void aProcessStatKeptOpenReadsItsCpuTimeUntilItEnds(@TempDir Path dir) throws Exception {
        Path spinner = dir.resolve("pb) spin (x");
        Files.createSymbolicLink(spinner, Path.of("/bin/sh"));
        Process spin = new ProcessBuilder(spinner.toString(), "-c", "while :; do :; done").start();
        try (ProcFiles.ProcessStatFile stat = new ProcFiles.ProcessStatFile(spin.pid())) {
            assertEquals("(pb) spin (x)", nameInStat(spin.pid()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cpuNsReadWhole(spin.pid()) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long before = cpuNsReadWhole(spin.pid());
            long kept = stat.cpuNs();
            long after = cpuNsReadWhole(spin.pid());
            assertTrue(before > 0 && before <= kept && kept <= after, before + " <= " + kept + " <= " + after);
            spin.destroyForcibly();
            spin.waitFor();
            assertEquals(-1, stat.cpuNs(), "a process that ended");
        } finally {
            spin.destroyForcibly();
        }
    }

    /** utime + stime of /proc/<pid>/stat read whole and split (proc(5): fields 14 and 15, in ticks). */
    private static long cpuNsReadWhole(long pid) throws Exception {
        String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * ProcStat.NS_PER_TICK;
    }

    private static String nameInStat(long pid) throws Exception {
        String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return text.substring(text.indexOf('('), text.lastIndexOf(')') + 1);
    }
}
