package io.parbench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Waits for the machine to go quiet before the first fork. Browsers keep working for a second or
 * two after they start (measured on 2 cores: WebKit's web process about one core until just before
 * the first fork, Firefox bursts of half a core after it), and the first forks of a run, measured
 * beside them, came out disturbed (a native nbody fork at W = 2 ran two of three iterations at the
 * W = 1 rate). Reads Linux's /proc/stat; where there is none it returns at once.
 */
public final class Settling {

    /** How long each look at the CPUs lasts. */
    static final Duration WINDOW = Duration.ofMillis(250);
    /** Quiet: at most this many cores busy (the harness's own compiler threads, a shell), in two windows in a row. */
    static final double QUIET_CORES = 0.3;
    private static final int QUIET_WINDOWS = 2;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private Settling() {}

    /**
     * How the wait went.
     *
     * @param waited how long it waited
     * @param busyCores how many cores were busy in the last window (NaN where the CPUs cannot be read)
     * @param quiet whether the machine went quiet within the limit
     */
    public record Result(Duration waited, double busyCores, boolean quiet) {}

    /** Waits until the machine is quiet, at most {@code limit}. */
    public static Result await(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long[] before = read();
        if (before == null) {
            return new Result(Duration.ZERO, Double.NaN, true);
        }
        int quietWindows = 0;
        double busy;
        do {
            Thread.sleep(WINDOW);
            long[] after = read();
            busy = busyCores(before, after);
            before = after;
            quietWindows = busy <= QUIET_CORES ? quietWindows + 1 : 0;
        } while (quietWindows < QUIET_WINDOWS && System.nanoTime() - start < limit.toNanos());
        return new Result(Duration.ofNanos(System.nanoTime() - start), busy, quietWindows >= QUIET_WINDOWS);
    }

    /** The machine's CPU time from /proc/stat (see {@link #ticks}); null where there is none. */
    private static long[] read() {
        try {
            return Files.isReadable(PROC_STAT) ? ticks(Files.readAllLines(PROC_STAT)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {busy ticks, total ticks, CPUs} of /proc/stat: its first line sums every CPU (idle and iowait
     * are the idle part), and each CPU has a line of its own. The machine's CPUs, not this JVM's
     * (a container's quota or taskset can give it fewer), since the whole machine's time is read.
     */
    static long[] ticks(List<String> procStat) {
        long[] fields = Arrays.stream(procStat.getFirst().trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        long total = Arrays.stream(fields).sum();
        long cpus = procStat.stream().filter(line -> line.matches("cpu\\d+\\s.*")).count();
        return new long[] {total - fields[3] - fields[4], total, cpus};
    }

    /** How many cores were busy between two readings of {@link #ticks}. */
    static double busyCores(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total <= 0 ? 0 : after[2] * (double) (after[0] - before[0]) / total;
    }
}
