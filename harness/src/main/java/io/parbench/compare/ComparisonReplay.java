package io.parbench.compare;

import io.parbench.change.ForkValues;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonRound;
import io.parbench.results.ComparisonSetup;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.ForkResult;
import io.parbench.results.Status;
import io.parbench.verdict.SelectorRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comparison's decisions from its rounds: the live run feeds each round in as it completes, and
 * a document read back is replayed round by round, so both reach the same decisions.
 */
public final class ComparisonReplay {

    private final AutoSampling<Configuration> sampling;
    private final Map<Configuration, String> failures = new LinkedHashMap<>();
    private final Double rerunContended;
    private final int cores;
    private final Map<Configuration, List<Integer>> setAside = new LinkedHashMap<>();
    /** Whether a fork that ran both sides counts its neighbouring blocks' ratios (see the constructor's version). */
    private final boolean pairedInFork;

    /** @param cores the measured machine's logical cores (what W workers wait by themselves is not the machine's doing) */
    public ComparisonReplay(List<Configuration> plan, ComparisonSetup setup, int cores, SelectorRules<Double> thresholds) {
        this(plan, setup, cores, thresholds, ComparisonDocument.VERSION);
    }

    /**
     * @param version the comparison document's: before version 3 a fork that ran both sides counted the
     *     ratio of their medians, as separate forks do, and before version 4 "no regression" was
     *     decided at the regressions' level; a replay must decide as the comparison did
     */
    private ComparisonReplay(List<Configuration> plan, ComparisonSetup setup, int cores, SelectorRules<Double> thresholds,
            int version) {
        this.pairedInFork = version >= ComparisonDocument.NEIGHBOURING_BLOCKS_PAIRED;
        this.rerunContended = setup.rerunContended();
        this.cores = cores;
        PairedChecks<Configuration> data = new PairedChecks<>(plan, ComparisonReplay::oneWorker);
        Map<CheckKey<Configuration>, Double> byCheck = new HashMap<>();
        data.checks().forEach(check -> byCheck.put(check, thresholds.lookup(check.configuration())));
        SequentialPlan looks = new SequentialPlan(setup.firstLook(), setup.lookGrowth(), setup.maxRounds(), setup.alpha(),
                data.checks().size(), version >= ComparisonDocument.NO_REGRESSION_PER_CHECK
                        ? SequentialPlan.NoRegressionLevel.PER_CHECK : SequentialPlan.NoRegressionLevel.AS_FOR_REGRESSIONS);
        this.sampling = new AutoSampling<>(data, looks, byCheck);
    }

    /** Replays a whole document: its decisions as they were when it was written (plus a last look if rounds followed the last one). */
    public static ComparisonReplay of(ComparisonDocument document, SelectorRules<Double> thresholds) {
        ComparisonReplay replay = new ComparisonReplay(document.plan(), document.setup(), document.environment().logicalCores(),
                thresholds, document.version());
        document.rounds().forEach(replay::add);
        replay.finish();
        return replay;
    }

    private static Configuration oneWorker(Configuration c) {
        return c.workers() == 1 ? null : new Configuration(c.engine(), c.kernel(), c.variant(), c.size(), 1);
    }

    /** What the next round measures; empty when sampling is over. */
    public List<Configuration> nextRound() {
        return List.copyOf(sampling.nextRound());
    }

    /** Takes in one complete round: its fork values, or the failure of a configuration. */
    public void add(ComparisonRound round) {
        Map<Configuration, Map<ComparisonSide, ForkResult>> byConfiguration = new LinkedHashMap<>();
        for (ForkResult fork : round.forks()) {
            byConfiguration.computeIfAbsent(fork.configuration(), k -> new EnumMap<>(ComparisonSide.class)).put(fork.side(), fork);
        }
        byConfiguration.forEach((configuration, sides) -> {
            ForkResult a = sides.get(ComparisonSide.BASELINE);
            ForkResult b = sides.get(ComparisonSide.CURRENT);
            if (a == null || b == null || !usable(a) || !usable(b)) {
                failures.putIfAbsent(configuration, failure(round.round(), a, b));
                sampling.failed(configuration);
            } else if (Contention.setsAside(rerunContended, Contention.machineShare(a, cores), Contention.machineShare(b, cores))) {
                // Not a round of its checks: the configuration stays needed, so the next round measures it again.
                setAside.computeIfAbsent(configuration, k -> new ArrayList<>()).add(round.round());
            } else {
                double baseline = ForkValues.of(a.samples());
                double current = ForkValues.of(b.samples());
                if (pairedInFork && a.fork() == b.fork() && !a.positions().isEmpty()) {
                    sampling.data().record(round.round(), configuration, baseline, current,
                            ForkValues.pairedLogRatio(a.samples(), a.positions(), b.samples(), b.positions()));
                } else {
                    sampling.data().record(round.round(), configuration, baseline, current);
                }
            }
        });
        sampling.roundDone();
    }

    /** Plans no more rounds than the budget holds, before the first look ({@link AutoSampling#fitRounds}). */
    public void fitRounds(int roundsThatFit) {
        sampling.fitRounds(roundsThatFit);
    }

    public void finish() {
        sampling.finish();
    }

    private static boolean usable(ForkResult fork) {
        return fork.status() != Status.FAILED && !fork.samples().isEmpty();
    }

    private static String failure(int round, ForkResult a, ForkResult b) {
        ForkResult failed = a == null || usable(a) ? b : a;
        if (failed == null) {
            return "round " + round + ": a side was not measured";
        }
        return "round " + round + ", side " + failed.side().letter() + " (" + failed.side().id() + "): "
                + (failed.reason() == null ? "no samples" : failed.reason());
    }

    public AutoSampling<Configuration> sampling() {
        return sampling;
    }

    /** The rounds whose pair of each configuration the contention rule set aside, in order (none when it is off). */
    public Map<Configuration, List<Integer>> setAside() {
        return Collections.unmodifiableMap(setAside);
    }

    /** Configurations that failed, with the first failure's reason. */
    public Map<Configuration, String> failures() {
        return Map.copyOf(failures);
    }
}
