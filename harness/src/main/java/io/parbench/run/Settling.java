package io.parbench.run;

import io.parbench.machine.ProcStat;
import java.time.Duration;

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

    private Settling() {}

    /**
     * How the wait went.
     *
     * @param waited how long it waited
     * @param busyCores the most cores busy in the last busy window or the quiet ones after it, so that a
     *     wait that ran out names the load that kept it busy (NaN where the CPUs cannot be read)
     * @param quiet whether the machine went quiet within the limit
     */
    public record Result(Duration waited, double busyCores, boolean quiet) {}

    /** Waits until the machine is quiet, at most {@code limit}. */
    public static Result await(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        ProcStat.Ticks before = ProcStat.read();
        int cpus = ProcStat.onlineCpus();
        if (before == null || cpus == 0) {
            return new Result(Duration.ZERO, Double.NaN, true);
        }
        Windows windows = new Windows();
        do {
            Thread.sleep(WINDOW);
            ProcStat.Ticks after = ProcStat.read();
            if (after == null) {
                return new Result(Duration.ofNanos(System.nanoTime() - start), Double.NaN, true);
            }
            windows.add(busyCores(before, after, cpus));
            before = after;
        } while (!windows.quiet() && System.nanoTime() - start < limit.toNanos());
        return new Result(Duration.ofNanos(System.nanoTime() - start), windows.busiest(), windows.quiet());
    }

    /** The windows looked at so far: how many quiet ones in a row, and the busiest since the last busy one. */
    static final class Windows {
        private int quietInARow;
        private double busiest;

        void add(double busyCores) {
            quietInARow = busyCores <= QUIET_CORES ? quietInARow + 1 : 0;
            busiest = quietInARow == 0 ? busyCores : Math.max(busiest, busyCores);
        }

        boolean quiet() {
            return quietInARow >= QUIET_WINDOWS;
        }

        /** The most cores busy in the last busy window and the quiet ones after it (in every window, while none was busy). */
        double busiest() {
            return busiest;
        }
    }

    /** How many of {@code cpus} cores were busy between two readings. */
    static double busyCores(ProcStat.Ticks before, ProcStat.Ticks after, int cpus) {
        long total = after.total() - before.total();
        return total <= 0 ? 0 : cpus * (double) (after.busy() - before.busy()) / total;
    }
}
