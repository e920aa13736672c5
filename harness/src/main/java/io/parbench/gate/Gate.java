package io.parbench.gate;

import io.parbench.analysis.Decomposition;
import io.parbench.analysis.SpeedupDecomposition;
import io.parbench.change.SpeedupForks;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.RunDocument;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import io.parbench.text.Format;
import io.parbench.verdict.Check;
import io.parbench.verdict.Comparison;
import io.parbench.verdict.FailedConfiguration;
import io.parbench.verdict.FloorCheck;
import io.parbench.verdict.GateInputException;
import io.parbench.verdict.GateReport;
import io.parbench.verdict.GateSettings;
import io.parbench.verdict.Interval;
import io.parbench.verdict.Metric;
import io.parbench.verdict.MissingConfiguration;
import io.parbench.verdict.RunSource;
import io.parbench.verdict.SelectorRules;
import io.parbench.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The regression gate: compares a current run against a baseline (throughput and speedup at
 * every worker count both measured), checks speedup floors, and fails on anything the current
 * run measured wrong. Works from the raw samples; nothing here reads the analysis section.
 */
public final class Gate {

    private final GateSettings settings;
    private final ChangeDetector detector;

    public Gate(GateSettings settings) {
        this.settings = settings;
        this.detector = new ChangeDetector(settings.confidence());
    }

    /**
     * @param baseline null to check only failures and floors
     * @throws GateInputException when the documents are damaged, incompatible, or a selector matches nothing
     */
    public GateReport run(LabelledDocument baseline, LabelledDocument current) {
        ConfigurationIndex cur = new ConfigurationIndex(current);
        ConfigurationIndex base = baseline == null ? null : new ConfigurationIndex(baseline);
        requireSelectorsMatch(base, cur);
        List<String> notes = new ArrayList<>();
        if (!current.document().run().complete()) {
            notes.add("The current run did not complete: only what it measured before it stopped is checked.");
        }
        List<Check> checks = new ArrayList<>();
        for (ConfigurationResult r : cur.all()) {
            failure(r, base == null ? null : base.get(r.configuration()))
                    .ifPresent(reason -> checks.add(new FailedConfiguration(r.configuration(), reason)));
        }
        if (base != null) {
            notes.addAll(Compatibility.check(baseline, base, current, cur));
            compare(base, cur, checks, notes);
        }
        checkFloors(cur, checks);
        checks.sort(Check.READING_ORDER);
        return new GateReport(GateReport.FORMAT, GateReport.VERSION, baseline == null ? null : source(baseline),
                source(current), settings, null, false, checks, notes);
    }

    private static RunSource source(LabelledDocument input) {
        RunDocument d = input.document();
        return new RunSource(input.label(), d.environment().hostname(), d.environment().cpuModel(),
                d.environment().logicalCores(), d.run().started(), d.run().profile(), d.run().settings(), d.run().complete());
    }

    /** Why the current run's configuration is a failure, if it is. */
    private static Optional<String> failure(ConfigurationResult current, ConfigurationResult baseline) {
        Optional<String> problem = ConfigurationIndex.problem(current);
        if (problem.isPresent()) {
            return problem;
        }
        if (current.status() == Status.FALLBACK && baseline != null && baseline.status() == Status.OK) {
            return Optional.of("ran single-threaded (fallback) where the baseline had threads: "
                    + (current.reason() == null ? "no reason recorded" : current.reason()));
        }
        return Optional.empty();
    }

    private void compare(ConfigurationIndex base, ConfigurationIndex cur, List<Check> checks, List<String> notes) {
        Set<Configuration> all = new LinkedHashSet<>(base.configurations());
        all.addAll(cur.configurations());
        Set<SeriesKey> speedupsUnavailable = new TreeSet<>(Comparator.comparing(SeriesKey::label));
        for (Configuration c : all) {
            ConfigurationResult b = base.get(c);
            ConfigurationResult r = cur.get(c);
            Optional<String> notComparable = whyNotComparable(b, r);
            if (notComparable.isPresent()) {
                if (r == null || failure(r, b).isEmpty()) { // current failures are listed already
                    checks.add(new MissingConfiguration(c, notComparable.get()));
                }
                continue;
            }
            double threshold = settings.thresholds().lookup(c);
            checks.add(new Comparison(c, Metric.THROUGHPUT, ChangeDetector.typical(b.samples()), ChangeDetector.typical(r.samples()),
                    b.samples().size(), r.samples().size(), threshold, detector.throughput(b.samples(), r.samples(), threshold)));
            if (c.workers() > 1) {
                ConfigurationResult b1 = base.oneWorker(c.series());
                ConfigurationResult r1 = cur.oneWorker(c.series());
                if (whyNotComparable(b1, r1).isPresent()) {
                    speedupsUnavailable.add(c.series());
                } else {
                    checks.add(speedupComparison(c, b1, b, r1, r, threshold));
                }
            }
        }
        speedupsUnavailable.forEach(s -> notes.add("Speedups of " + s.label()
                + " are not compared: its one-worker configuration is not measured comparably on both sides (see the list)."));
    }

    private Comparison speedupComparison(
            Configuration c, ConfigurationResult b1, ConfigurationResult b, ConfigurationResult r1, ConfigurationResult r, double threshold) {
        SpeedupForks baseline = SpeedupForks.of(b1, b);
        SpeedupForks current = SpeedupForks.of(r1, r);
        return new Comparison(c, Metric.SPEEDUP, detector.speedup(baseline).estimate(), detector.speedup(current).estimate(),
                baseline.forks(), current.forks(), threshold, detector.speedup(baseline, current, threshold));
    }

    /** Why a configuration cannot be compared, if it cannot. */
    private static Optional<String> whyNotComparable(ConfigurationResult baseline, ConfigurationResult current) {
        if (current == null) {
            return Optional.of("in the baseline, not in the current run");
        }
        if (baseline == null) {
            return Optional.of("new in the current run: no baseline to compare with");
        }
        Optional<String> currentProblem = ConfigurationIndex.problem(current);
        if (currentProblem.isPresent()) {
            return Optional.of("the current run " + currentProblem.get());
        }
        Optional<String> baselineProblem = ConfigurationIndex.problem(baseline);
        if (baselineProblem.isPresent()) {
            return Optional.of("nothing to compare with: the baseline " + baselineProblem.get());
        }
        if (baseline.status() != current.status()) {
            return Optional.of("not comparable: the baseline's status is " + baseline.status().id() + ", the current run's "
                    + current.status().id());
        }
        return Optional.empty();
    }

    private void checkFloors(ConfigurationIndex cur, List<Check> checks) {
        Map<SeriesKey, Set<Integer>> workersBySeries = new TreeMap<>(Comparator.comparing(SeriesKey::label));
        for (Configuration c : cur.configurations()) {
            Set<Integer> workers = workersBySeries.computeIfAbsent(c.series(), k -> new TreeSet<>());
            workers.add(c.workers());
            // A floor at an explicit worker count the run did not reach is checked too: it fails.
            settings.speedupFloors().rules().stream()
                    .filter(rule -> rule.selector().workers() != null && rule.selector().matchesSeries(c))
                    .forEach(rule -> workers.add(rule.selector().workers()));
        }
        workersBySeries.forEach((series, workers) -> workers.stream().filter(w -> w > 1).forEach(w -> {
            Configuration c = new Configuration(series.engine(), series.kernel(), series.variant(), series.size(), w);
            Double floor = settings.speedupFloors().lookup(c);
            if (floor != null) {
                checks.add(floorCheck(c, floor, cur.oneWorker(series), cur.get(c)));
            }
        }));
    }

    private FloorCheck floorCheck(Configuration c, double floor, ConfigurationResult one, ConfigurationResult atWorkers) {
        String wanted = "the floor is " + Format.times(floor);
        if (atWorkers == null) {
            return new FloorCheck(c, floor, null, Verdict.BELOW_FLOOR, "not measured at " + c.workers() + " workers; " + wanted);
        }
        if (ConfigurationIndex.problem(atWorkers).isPresent()) {
            return new FloorCheck(c, floor, null, Verdict.BELOW_FLOOR, "no speedup: the configuration "
                    + ConfigurationIndex.problem(atWorkers).get() + "; " + wanted);
        }
        if (one == null || ConfigurationIndex.problem(one).isPresent()) {
            return new FloorCheck(c, floor, null, Verdict.BELOW_FLOOR,
                    "no successful one-worker measurement to compute a speedup from; " + wanted);
        }
        Interval speedup = detector.speedup(SpeedupForks.of(one, atWorkers));
        boolean met = speedup.estimate() >= floor;
        // One fork on a side gives a point, not an interval: say so rather than print "1.11× to 1.11×".
        String spread = speedup.low() == speedup.high() ? "one fork: no interval; measure with --forks 3 or more"
                : Format.percent(settings.confidence()) + " interval " + Format.times(speedup.low()) + " to " + Format.times(speedup.high());
        String said = "speedup " + Format.times(speedup.estimate()) + " (" + spread + ") " + (met ? "meets" : "is below") + " the floor of "
                + Format.times(floor);
        Double busyMachine = met ? null : lostToTheMachine(one, atWorkers, speedup.estimate());
        if (busyMachine != null && speedup.estimate() + busyMachine >= floor) {
            // The floor asks whether the kernel runs in parallel; a machine that kept its workers waiting cannot say.
            return new FloorCheck(c, floor, speedup, Verdict.UNDECIDED, said + ", but the machine took " + String.format(Locale.ROOT, "%.2f", busyMachine)
                    + " of it (the worker threads' run-queue wait, more than at 1 worker), enough to meet it: not decided on a busy"
                    + " machine; measure again when it is quieter");
        }
        return new FloorCheck(c, floor, speedup, met ? Verdict.FLOOR_MET : Verdict.BELOW_FLOOR, said);
    }

    /** The speedup the machine took from the workers (the decomposition's machine part), null where not accounted. */
    private static Double lostToTheMachine(ConfigurationResult one, ConfigurationResult atWorkers, double measured) {
        SpeedupDecomposition losses = Decomposition.of(List.of(one), List.of(atWorkers), atWorkers.configuration().workers(), measured);
        return losses == null || losses.machine() == null || losses.machine() <= 0 ? null : losses.machine();
    }

    /** A selector that matches nothing is almost always a typo; say so instead of ignoring it. */
    private void requireSelectorsMatch(ConfigurationIndex base, ConfigurationIndex cur) {
        List<Configuration> known = Stream.concat(
                        base == null ? Stream.empty() : base.configurations().stream(), cur.configurations().stream())
                .toList();
        requireMatch("--threshold", settings.thresholds(), known);
        requireMatch("--min-speedup", settings.speedupFloors(), known);
    }

    private static void requireMatch(String option, SelectorRules<?> rules, List<Configuration> known) {
        for (var rule : rules.rules()) {
            if (known.stream().noneMatch(rule.selector()::matchesSeries)) {
                throw new GateInputException(option + " " + rule.selector() + " matches no configuration in the documents. They have kernels "
                        + new TreeSet<>(known.stream().map(c -> c.series().kernelLabel()).toList()) + " on engines "
                        + new TreeSet<>(known.stream().map(Configuration::engine).toList()) + ".");
            }
        }
    }
}
