package io.parbench.run;

import io.parbench.compare.Contention;
import io.parbench.engines.ForkPlan;
import io.parbench.process.Shutdown;
import io.parbench.results.ComparisonRound;
import io.parbench.results.ComparisonSide;
import io.parbench.results.ForkResult;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A comparison's progress on stderr: a line per round with the checks decided and the budget left; failures as they happen. */
public final class ComparisonProgress {

    private final PrintStream out;
    private final boolean live;

    public ComparisonProgress(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** A live line for the fork being measured only where a person watches a terminal. */
    public static ComparisonProgress forStderr() {
        boolean terminal = System.console() != null && System.console().isTerminal() && System.getenv("CI") == null;
        return new ComparisonProgress(System.err, terminal);
    }

    void fork(int round, ForkPlan fork, List<ComparisonSide> sides) {
        if (live) {
            out.print("\r\033[Kround " + round + ": " + fork.series().label() + " W=" + fork.workers().stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + " side " + sides.stream().map(ComparisonSide::letter).collect(Collectors.joining("+")));
            out.flush();
        }
    }

    void forkDone(List<ForkResult> results) {
        // While parbench exits, a fork fails because its browser was killed by the exit: not news.
        if (Shutdown.started()) return;
        for (ForkResult result : results) {
            if (result.status() == Status.FAILED) {
                clear();
                out.println("  " + result.configuration().label() + " side " + result.side().letter() + ": failed — " + result.reason());
            }
        }
    }

    void planFitted(List<Integer> lookRounds, Duration budget) {
        clear();
        out.println("looks at rounds " + lookRounds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (as many rounds as the " + Format.duration(budget) + " budget holds at the pace so far, up to --max-rounds)");
    }

    /** @param cores the measured machine's, for what its forks' workers waited for a CPU by themselves */
    void round(ComparisonRound round, int cores, long decided, int checks, Duration elapsed, Duration budget) {
        clear();
        Duration left = budget.minus(elapsed);
        out.printf("round %d: %d forks; %d of %d checks decided; %s elapsed, %s of the budget left%s%n", round.round(),
                round.forks().stream().mapToInt(ForkResult::fork).distinct().count(),
                decided, checks, Format.duration(elapsed), left.isNegative() ? "none" : Format.duration(left), contention(round, cores));
    }

    /** A contended round says so, with what its most contended fork's workers waited for a CPU. */
    private static String contention(ComparisonRound round, int cores) {
        return Contention.contendedFork(round, cores).map(worst -> "; " + Contention.wording(Contention.machineShare(worst, cores)))
                .orElse("");
    }

    private void clear() {
        if (live) {
            out.print("\r\033[K");
        }
    }
}
