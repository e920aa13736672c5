package io.parbench.compare;

import io.parbench.change.CheckDecision;
import io.parbench.results.ComparisonDocument;
import io.parbench.results.ComparisonRound;
import io.parbench.results.ComparisonSetup;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.ForkResult;
import io.parbench.results.SideSetup;
import io.parbench.statistics.Statistics;
import io.parbench.text.Format;
import io.parbench.verdict.Check;
import io.parbench.verdict.Comparison;
import io.parbench.verdict.Decision;
import io.parbench.verdict.FailedConfiguration;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.GateSettings;
import io.parbench.verdict.MissingConfiguration;
import io.parbench.verdict.RunSource;
import io.parbench.verdict.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A comparison's decisions as a report the gate's formatters write (table, Markdown, JUnit XML,
 * JSON): one check per metric and configuration, failures first.
 */
public final class ComparisonReport {

    public static final String FORMAT = "parbench-compare";

    private ComparisonReport() {}

    /** @param settings the thresholds (and confidence) the decisions were made with */
    public static GateReport of(ComparisonDocument document, ComparisonReplay replay, GateSettings settings) {
        AutoSampling<Configuration> sampling = replay.sampling();
        Map<Configuration, String> failures = replay.failures();
        List<Check> checks = new ArrayList<>();
        failures.forEach((c, reason) -> checks.add(new FailedConfiguration(c, reason)));
        for (CheckKey<Configuration> key : sampling.checks()) {
            List<Configuration> reads = sampling.data().configurationsOf(key);
            if (failures.containsKey(key.configuration())) {
                continue; // listed as failed above
            }
            if (reads.stream().anyMatch(failures::containsKey)) {
                checks.add(new MissingConfiguration(key.configuration(), "no speedup: its one-worker configuration failed"));
                continue;
            }
            checks.add(comparison(key, sampling, settings.thresholds().lookup(key.configuration())));
        }
        checks.sort(Check.READING_ORDER);
        ComparisonSetup setup = document.setup();
        return new GateReport(FORMAT, ComparisonDocument.VERSION, source(document, setup.baseline()), source(document, setup.current()),
                settings, method(sampling.plan(), setup, document.version()), "fail".equals(setup.undecided()), checks, notes(document, replay));
    }

    private static Comparison comparison(CheckKey<Configuration> key, AutoSampling<Configuration> sampling, double threshold) {
        List<Integer> rounds = sampling.data().rounds(key);
        double[] geometricMeans = geometricMeans(key, sampling.data(), rounds);
        CheckDecision d = sampling.decisions().get(key);
        Decision decision = d == null
                ? new Decision(Verdict.UNDECIDED, Math.expm1(Math.log(geometricMeans[1] / geometricMeans[0])), null, null, null,
                        new Decision.NotLookedAt(rounds.size()))
                : new Decision(Verdict.of(d.outcome()), d.change(), d.low(), d.high(), d.replicatesNeeded(),
                        new Decision.Tested(d, threshold, Decision.Replicates.ROUNDS));
        return new Comparison(key.configuration(), key.metric(), geometricMeans[0], geometricMeans[1], rounds.size(), rounds.size(),
                threshold, decision);
    }

    /** Each side's geometric mean over the rounds: the centre the log-ratio statistic belongs with. */
    private static double[] geometricMeans(CheckKey<Configuration> key, PairedChecks<Configuration> data, List<Integer> rounds) {
        if (rounds.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[][] sides = rounds.stream().map(r -> data.sides(key, r)).toArray(double[][]::new);
        return new double[] {Statistics.geometricMean(Arrays.stream(sides).mapToDouble(s -> s[0]).toArray()),
            Statistics.geometricMean(Arrays.stream(sides).mapToDouble(s -> s[1]).toArray())};
    }

    private static RunSource source(ComparisonDocument document, SideSetup side) {
        String differences = side.differences().isEmpty() ? "the run options as given"
                : side.differences().entrySet().stream().map(e -> "--baseline-" + e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        var env = document.environment();
        return new RunSource(side.side().letter() + " = " + side.side().id() + " (" + differences + ")", env.hostname(), env.cpuModel(),
                env.logicalCores(), document.run().started(), document.run().profile(), document.run().settings(), document.run().complete());
    }

    /** What a round measures per configuration: a fork holding both sides where the engine paired them, else a fork per side. */
    private static String forksPerRound(ComparisonSetup setup) {
        Map<Boolean, List<String>> inFork = setup.pairing().keySet().stream().sorted()
                .collect(Collectors.partitioningBy(engine -> ComparisonSetup.IN_FORK.equals(setup.pairingOf(engine))));
        String both = "one fork holding both sides, their blocks interleaved";
        String apart = "one fresh fork per side in random order";
        if (inFork.get(true).isEmpty()) {
            return apart;
        }
        if (inFork.get(false).isEmpty()) {
            return both;
        }
        return both + " (" + String.join(", ", inFork.get(true)) + ") or " + apart + " (" + String.join(", ", inFork.get(false)) + ")";
    }

    private static String method(SequentialPlan plan, ComparisonSetup setup, int version) {
        return "A and B measured in the same job, in rounds of " + forksPerRound(setup) + "; a fork's value is the median"
                + " of its iterations"
                + (version >= ComparisonDocument.NEIGHBOURING_BLOCKS_PAIRED
                        ? ", and a fork of both sides counts the median ln(B/A) of its neighbouring blocks (A's k-th with B's k-th)"
                        : " (of each side's, in a fork of both)")
                + "; per check the mean of the per-round log-ratios ln(B/A) (speedup: of S(W) = T(W)/T(1) within"
                + " each side's round) with a Student t interval; looks at rounds "
                + plan.lookRounds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (or earlier when the budget ends), each check tested at each look at one-sided "
                + Format.percent(plan.alpha()) + " / (" + plan.checks() + " checks x " + plan.looks() + " looks) (Bonferroni alpha spending over"
                + " looks and checks: at most " + Format.percent(plan.alpha()) + " chance of any false regression)"
                + (plan.noRegression() == SequentialPlan.NoRegressionLevel.PER_CHECK
                        ? ", and \"no regression\" at one-sided " + Format.percent(plan.alpha()) + " / " + plan.looks()
                                + " looks (at most " + Format.percent(plan.alpha()) + " chance of calling a check that slowed down"
                                + " by its threshold \"no regression\")"
                        : "")
                + "; undecided checks "
                + ("fail".equals(setup.undecided()) ? "fail" : "pass") + " (--undecided " + setup.undecided() + ")"
                + (setup.rerunContended() == null ? "" : "; a pair whose either side's workers waited more than "
                        + Format.percent(setup.rerunContended()) + " of their time for a CPU is set aside and measured again (--rerun-contended)");
    }

    /** A load average above this many runnable threads per core is a busy machine (the forks alone stay near one). */
    static final double BUSY_LOAD_PER_CORE = 1.5;

    private static List<String> notes(ComparisonDocument document, ComparisonReplay replay) {
        AutoSampling<Configuration> sampling = replay.sampling();
        List<String> notes = new ArrayList<>();
        if (!document.run().complete()) {
            notes.add("The comparison did not finish: these are the decisions from the rounds it completed.");
        }
        long open = sampling.decisions().values().stream().filter(d -> !d.outcome().decided()).count()
                + sampling.checks().stream().filter(k -> !sampling.decisions().containsKey(k)).count();
        notes.add(sampling.rounds() + " rounds in " + budgetUsed(document) + " of a " + Format.duration(document.setup().budget())
                + " budget; " + sampling.looksTaken() + " look(s); " + open + " of " + sampling.checks().size() + " checks undecided.");
        setAside(document.setup(), replay).ifPresent(notes::add);
        int cores = document.environment().logicalCores();
        boolean measured = document.rounds().stream().anyMatch(round -> Contention.worst(round, cores).isPresent());
        (measured ? contendedRounds(document, open) : busyMachine(document, open)).ifPresent(notes::add);
        return notes;
    }

    /**
     * The rounds in which the machine took more than {@link Contention#CONTENDED_SHARE} from a
     * fork's workers, by the forks' own measured run-queue wait; empty when no round was.
     */
    static Optional<String> contendedRounds(ComparisonDocument document, long undecided) {
        int cores = document.environment().logicalCores();
        List<String> contended = new ArrayList<>();
        List<ForkResult> worstForks = new ArrayList<>();
        for (ComparisonRound round : document.rounds()) {
            Contention.contendedFork(round, cores).ifPresent(worst -> {
                double share = Contention.machineShare(worst, cores);
                // The first in words, the rest by their figure: a loaded comparison can have thirty.
                contended.add("round " + round.round() + ": " + (contended.isEmpty() ? Contention.wording(share) : Format.percent(share))
                        + " (" + worst.configuration().label() + ", side " + worst.side().letter() + ")");
                worstForks.add(worst);
            });
        }
        if (contended.isEmpty()) {
            return Optional.empty();
        }
        String rounds = String.join("; ", contended) + ". Other threads took the CPUs these forks' workers were ready to run on"
                + " (more than " + Format.percent(Contention.CONTENDED_SHARE) + " of their time): " + Contention.whoTookTheCpus(worstForks);
        return Optional.of(undecided == 0 ? rounds + "; every check was decided all the same."
                : rounds + "; that is the likely reason for the " + undecided + " undecided check" + (undecided == 1 ? "" : "s")
                        + ". Compare where nothing else runs, or give it a larger --budget.");
    }

    /** With --rerun-contended: how many pairs it set aside, per check that lost rounds to it. */
    private static Optional<String> setAside(ComparisonSetup setup, ComparisonReplay replay) {
        if (setup.rerunContended() == null) {
            return Optional.empty();
        }
        Map<Configuration, List<Integer>> setAside = replay.setAside();
        int pairs = setAside.values().stream().mapToInt(List::size).sum();
        String rule = "--rerun-contended " + Format.percent(setup.rerunContended()) + ": ";
        if (pairs == 0) {
            return Optional.of(rule + "no pair was set aside (no fork's workers waited more than that for a CPU).");
        }
        AutoSampling<Configuration> sampling = replay.sampling();
        List<String> perCheck = new ArrayList<>();
        for (CheckKey<Configuration> check : sampling.checks()) {
            long rounds = sampling.data().configurationsOf(check).stream()
                    .flatMap(c -> setAside.getOrDefault(c, List.of()).stream()).distinct().count();
            if (rounds > 0) {
                perCheck.add(check.configuration().label() + " " + check.metric().id() + " " + rounds);
            }
        }
        return Optional.of(rule + pairs + " pair" + (pairs == 1 ? "" : "s") + " set aside (either side's workers waited more than that for a"
                + " CPU) and measured again in the next round; rounds set aside per check: " + String.join(", ", perCheck) + ".");
    }

    /**
     * Other work on the machine is what makes forks of one build differ by tens of percent, and
     * checks stay undecided; where no fork measured what the machine took from it (older
     * documents), the load average says so. The forks themselves keep up to W threads
     * busy, so only a load well above the cores counts as busy. The load is this machine's, so it
     * says nothing of a browser measured on another one (--webdriver-url).
     */
    static Optional<String> busyMachine(ComparisonDocument document, long undecided) {
        if (document.environment().engines().values().stream().anyMatch(EngineFacts::reachedThroughWebDriver)) {
            return Optional.empty();
        }
        double[] loads = document.rounds().stream().map(ComparisonRound::loadAverage).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
        int cores = document.environment().logicalCores();
        if (loads.length == 0 || cores < 1) {
            return Optional.empty();
        }
        double median = Statistics.median(loads);
        if (median <= BUSY_LOAD_PER_CORE * cores) {
            return Optional.empty();
        }
        String busy = "The machine was busy: its load average was " + Format.load(median) + " on " + cores
                + " cores (median over the rounds), so other work competed with the forks and made them differ; ";
        return Optional.of(undecided == 0 ? busy + "every check was decided all the same."
                : busy + "that is the likely reason for the " + undecided + " undecided check" + (undecided == 1 ? "" : "s")
                        + ". Compare where nothing else runs, or give it a larger --budget.");
    }

    private static String budgetUsed(ComparisonDocument document) {
        if (document.rounds().isEmpty()) {
            return "0s";
        }
        var end = document.run().finished() != null ? document.run().finished() : java.time.Instant.now();
        return Format.duration(java.time.Duration.between(document.run().started(), end));
    }
}
