package io.parbench.run;

import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of a run on stderr: one live line on a terminal, plain lines otherwise (CI logs).
 * The ETA extrapolates from the configurations done so far.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean live;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;

    public Progress(PrintStream out, boolean live, int total) {
        this.out = out;
        this.live = live;
        this.total = total;
    }

    /** A live line only where a person watches a terminal. */
    public static Progress forStderr(int total) {
        boolean terminal = System.console() != null && System.console().isTerminal() && System.getenv("CI") == null;
        return new Progress(System.err, terminal, total);
    }

    public void starting(Configuration c) {
        String line = String.format("[%d/%d] %-8s %-14s W=%-3d elapsed %s%s",
                done + 1, total, c.engine(), c.variant() == null ? c.kernel() : c.kernel() + ":" + c.variant(),
                c.workers(), Format.duration(elapsed()), eta());
        if (live) {
            out.print("\r\033[K" + line);
            out.flush();
        } else {
            out.println(line);
        }
    }

    public void finished(ConfigurationResult r) {
        done++;
        if (r.status() != Status.OK) {
            if (live) out.print("\r\033[K");
            out.println("  " + r.configuration().label() + ": " + r.status().id() + " — " + r.reason());
        } else if (r.cappedAtThreads() != null) {
            if (live) out.print("\r\033[K");
            out.println("  " + r.configuration().label() + ": capped at " + r.cappedAtThreads() + " thread"
                    + (r.cappedAtThreads() == 1 ? "" : "s") + " — the page ran fewer threads than the " + r.configuration().workers()
                    + " workers asked for");
        }
    }

    public void end() {
        if (live) out.print("\r\033[K");
        out.println("Measured " + done + " of " + total + " configurations in " + Format.duration(elapsed()) + ".");
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private String eta() {
        if (done == 0) return "";
        Duration left = elapsed().dividedBy(done).multipliedBy(total - done);
        return ", ETA " + Format.duration(left);
    }
}
