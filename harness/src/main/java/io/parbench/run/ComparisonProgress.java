package io.parbench.run;

import io.parbench.process.Shutdown;
import io.parbench.results.ComparisonRound;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
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

    void fork(int round, Configuration c, ComparisonSide side) {
        if (live) {
            out.print("\r\033[Kround " + round + ": " + c.label() + " side " + side.letter());
            out.flush();
        }
    }

    void forkDone(ForkResult fork) {
        // While parbench exits, a fork fails because its browser was killed by the exit: not news.
        if (fork.status() == Status.FAILED && !Shutdown.started()) {
            clear();
            out.println("  " + fork.configuration().label() + " side " + fork.side().letter() + ": failed — " + fork.reason());
        }
    }

    void planFitted(List<Integer> lookRounds, Duration budget) {
        clear();
        out.println("looks at rounds " + lookRounds.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (as many rounds as the " + Format.duration(budget) + " budget holds at the first round's pace, up to --max-rounds)");
    }

    void round(ComparisonRound round, long decided, int checks, Duration elapsed, Duration budget) {
        clear();
        Duration left = budget.minus(elapsed);
        out.printf("round %d: %d forks; %d of %d checks decided; %s elapsed, %s of the budget left%n", round.round(), round.forks().size(),
                decided, checks, Format.duration(elapsed), left.isNegative() ? "none" : Format.duration(left));
    }

    private void clear() {
        if (live) {
            out.print("\r\033[K");
        }
    }
}
