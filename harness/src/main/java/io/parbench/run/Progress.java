package io.parbench.run;

import io.parbench.engines.ForkPlan;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Progress of a run on stderr, fork by fork: one live line on a terminal, plain lines otherwise
 * (CI logs). The ETA extrapolates from the forks done so far.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean live;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;
    private final Set<Configuration> named = new HashSet<>();
    private final Set<Configuration> namedCapped = new HashSet<>();

    /** @param total the plan's forks */
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

    public void starting(ForkPlan fork) {
        String workers = fork.workers().stream().map(String::valueOf).collect(Collectors.joining(","));
        String line = String.format("[%d/%d] %-8s %-14s W=%-8s elapsed %s%s",
                done + 1, total, fork.series().engine(), fork.series().kernelLabel(), workers, Format.duration(elapsed()), eta());
        if (live) {
            out.print("\r\033[K" + line);
            out.flush();
        } else {
            out.println(line);
        }
    }

    /** A fork's configurations as they stand after it; each failure, fallback or thread cap is named once. */
    public void finished(ForkPlan fork, List<ConfigurationResult> results) {
        done++;
        for (ConfigurationResult r : results) {
            if (r.status() != Status.OK && named.add(r.configuration())) {
                if (live) out.print("\r\033[K");
                out.println("  " + r.configuration().label() + ": " + r.status().id() + " — " + r.reason());
            } else if (r.status() == Status.OK && r.cappedAtThreads() != null && namedCapped.add(r.configuration())) {
                if (live) out.print("\r\033[K");
                out.println("  " + r.configuration().label() + ": capped at " + r.cappedAtThreads() + " thread"
                        + (r.cappedAtThreads() == 1 ? "" : "s") + " — the page ran fewer threads than the " + r.configuration().workers()
                        + " workers asked for");
            }
        }
    }

    /** A fork left out because every configuration it was to measure had failed already. */
    public void skipped(ForkPlan fork) {
        done++;
    }

    public void end() {
        if (live) out.print("\r\033[K");
        out.println("Measured " + done + " of " + total + " forks in " + Format.duration(elapsed()) + ".");
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
