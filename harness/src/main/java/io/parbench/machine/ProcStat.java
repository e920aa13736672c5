package io.parbench.machine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The machine's CPU time from Linux's /proc/stat, the one place that says what counts as busy:
 * its first line sums every CPU's ticks (user, nice, system, idle, iowait, irq, softirq, steal;
 * the guest times that follow are already in user), and all but idle and iowait are busy, steal
 * too (a hypervisor gave this VM's CPUs to others). Each CPU also has a line of its own. The
 * machine's CPUs, not this JVM's (a container's quota or taskset can give it fewer).
 */
public final class ProcStat {

    /** USER_HZ: the unit of the times in /proc/stat and /proc/<pid>/stat, 100 on every Linux ABI. */
    static final long NS_PER_TICK = 10_000_000;
    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    private static final int FIELDS = 8;
    /** Enough for the first line: "cpu" and ten numbers of at most 20 digits. */
    private static final int FIRST_LINE_BYTES = 512;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ProcStat() {}

    /** The machine's busy and total CPU ticks since boot, all CPUs together. */
    public record Ticks(long busy, long total) {

        /** The busy time in ns. */
        public long busyNs() {
            return busy * NS_PER_TICK;
        }
    }

    /** The ticks of /proc/stat's first line ("cpu  user nice system idle iowait irq softirq steal …"). */
    public static Ticks ticks(String firstLine) {
        String[] words = SPACES.split(firstLine.strip());
        long[] fields = new long[FIELDS];
        for (int i = 0; i < FIELDS && i + 1 < words.length; i++) {
            fields[i] = Long.parseLong(words[i + 1]);
        }
        long total = Arrays.stream(fields).sum();
        return new Ticks(total - fields[IDLE] - fields[IOWAIT], total);
    }

    /** The CPUs /proc/stat's lines count (one "cpuN" line per online CPU). */
    public static int cpus(List<String> procStat) {
        return (int) procStat.stream().filter(line -> line.matches("cpu\\d+\\s.*")).count();
    }

    /** The machine's ticks now, or null where /proc/stat cannot be read. */
    public static Ticks read() {
        try (ProcFiles.OpenFile stat = open()) {
            return read(stat);
        }
    }

    /**
     * /proc/stat kept open, to {@link #read(ProcFiles.OpenFile) read} again and again, or null where
     * it cannot be opened. Its first bytes only: on a machine of many CPUs the file runs to tens of kB
     * (a line per CPU, interrupts), and read through a reader even its first line cost 70-290 us here.
     */
    static ProcFiles.OpenFile open() {
        try {
            return new ProcFiles.OpenFile(PROC_STAT, FIRST_LINE_BYTES);
        } catch (IOException e) {
            return null;
        }
    }

    /** The machine's ticks now from /proc/stat kept open ({@link #open}), or null where it cannot be read. */
    static Ticks read(ProcFiles.OpenFile stat) {
        ByteBuffer firstBytes = stat == null ? null : stat.read();
        if (firstBytes == null) {
            return null;
        }
        try {
            String text = StandardCharsets.US_ASCII.decode(firstBytes).toString();
            int end = text.indexOf('\n');
            return ticks(end < 0 ? text : text.substring(0, end));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The machine's online CPUs (whatever this process's affinity), or 0 where /proc/stat cannot be read. */
    public static int onlineCpus() {
        try {
            return cpus(Files.readAllLines(PROC_STAT, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
