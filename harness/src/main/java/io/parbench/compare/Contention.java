package io.parbench.compare;

import io.parbench.results.ComparisonRound;
import io.parbench.results.ForkResult;
import io.parbench.text.Format;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the machine took from a comparison's forks, from each fork's measured run-queue share
 * ({@link ForkResult#runQueueShare}), and when that makes a fork contended: the one threshold
 * compare names rounds by, and the pre-registered rule ({@code --rerun-contended}) that sets aside
 * a pair whose either side waited too long for a CPU.
 */
public final class Contention {

    /**
     * A fork whose worker threads waited more than this share of their runnable time for a CPU
     * (beyond what its own worker count forces) is contended. Even where nothing else runs, a fork's
     * workers wait for the other threads of their own page or JVM (compiler, collector, compositor)
     * and the harness: in a quiet default sweep on 2 cores (82 forks per W, GATE.md "Contended
     * rounds") they waited a median 8% at W = 1 (90th percentile 19%) and 16% at W = 2 (22%),
     * at most 33%. So only a share above what quiet forks reach names a round contended.
     */
    public static final double CONTENDED_SHARE = 0.30;

    /**
     * Processes outside a fork that used more than this share of the machine's CPUs are other work
     * on the machine; below it, what kept a contended fork's workers waiting was its own page's or
     * JVM's threads. The harness itself (its JVM, the browser drivers, Xvfb) is among those
     * processes: on a quiet 2-core machine they used a median 6% of its CPUs in a fork's blocks (90th
     * percentile 9.5%, at most 15%; 96 forks of four engines, GATE.md "Contended rounds"); one busy
     * process beside them takes half of 2 cores.
     */
    public static final double OTHER_WORK_SHARE = 0.20;

    private Contention() {}

    /**
     * Who took the CPUs from contended forks, in words: other work on the machine, or the forks'
     * own threads beside their workers, told by the share of the machine's CPUs that other
     * processes used meanwhile (the highest of {@code forks}); both named where that is unknown.
     */
    public static String whoTookTheCpus(List<ForkResult> forks) {
        OptionalDouble others = forks.stream().map(ForkResult::otherProcessesShare).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max();
        if (others.isEmpty()) {
            return "other work on the machine, or the fork's own threads beside its workers when they outnumber the cores";
        }
        String figure = Format.percent(others.getAsDouble());
        return others.getAsDouble() > OTHER_WORK_SHARE
                ? "other work on the machine (processes outside these forks used up to " + figure + " of its CPUs meanwhile)"
                : "these forks' own threads beside their workers (processes outside them used at most " + figure
                        + " of the machine's CPUs meanwhile, so little else ran)";
    }

    /**
     * The share of a fork's worker threads' runnable time that the machine took: its measured
     * run-queue share beyond 1 − cores / W, what W busy workers on fewer cores wait by themselves
     * (W = 4 on 2 cores: 0.5 with nothing else running). Null when not measured.
     */
    public static Double machineShare(ForkResult fork, int cores) {
        Double share = fork.runQueueShare();
        if (share == null) {
            return null;
        }
        int workers = fork.configuration().workers();
        double own = cores > 0 && workers > cores ? 1 - (double) cores / workers : 0;
        return Math.max(0, share - own);
    }

    /** The round's most contended fork result (highest machine share), if any was measured. */
    public static Optional<ForkResult> worst(ComparisonRound round, int cores) {
        return round.forks().stream().filter(f -> machineShare(f, cores) != null)
                .max(Comparator.comparingDouble(f -> machineShare(f, cores)));
    }

    /** The round's most contended fork result, when the machine took more than {@link #CONTENDED_SHARE} from it. */
    public static Optional<ForkResult> contendedFork(ComparisonRound round, int cores) {
        return worst(round, cores).filter(fork -> contended(machineShare(fork, cores)));
    }

    /** How a contended round is named, in the progress and in the report. */
    public static String wording(double machineShare) {
        return "contended — its forks' workers waited up to " + Format.percent(machineShare) + " of their time for a CPU";
    }

    public static boolean contended(Double machineShare) {
        return machineShare != null && machineShare > CONTENDED_SHARE;
    }

    /**
     * The pre-registered rule: with a limit (null: the rule is off), a pair of fork values whose
     * either side's machine share exceeds it is set aside, and its configuration measured again in
     * the next round. A side whose share is unknown never sets a pair aside.
     */
    public static boolean setsAside(Double limit, Double baselineShare, Double currentShare) {
        return limit != null && (exceeds(baselineShare, limit) || exceeds(currentShare, limit));
    }

    private static boolean exceeds(Double share, double limit) {
        return share != null && share > limit;
    }
}
