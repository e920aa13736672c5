package io.parbench.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one set of rules a results document must meet before anything reads its numbers, so that
 * report, gate, export and compare all accept or refuse the same documents.
 */
public final class ResultsValidator {

    private ResultsValidator() {}

    /**
     * @param source how to name the document in a message (its file)
     * @throws ResultsException at the first rule broken, saying which configuration and what to do
     */
    public static void validate(String source, RunDocument document) {
        if (document.run() == null || document.environment() == null) {
            throw damaged(source, "it lacks \"run\" or \"environment\"");
        }
        document.environment().engines().forEach((name, facts) -> {
            if (facts == null || facts.engine() == null) {
                throw damaged(source, "environment.engines." + name + " has no \"engine\"");
            }
        });
        Set<Integer> forkIds = new HashSet<>();
        int forkIndex = 0;
        for (ForkRecord fork : document.forks()) {
            forkIndex++;
            if (fork.series() == null || fork.series().engine() == null || fork.series().kernel() == null) {
                throw damaged(source, "fork " + forkIndex + " lacks \"series\" or its engine or kernel");
            }
            if (!forkIds.add(fork.id())) {
                throw damaged(source, "it lists fork " + fork.id() + " twice, and each fork has an id of its own (was it merged by hand?)");
            }
        }
        Set<Configuration> seen = new HashSet<>();
        int index = 0;
        for (ConfigurationResult result : document.configurations()) {
            validate(source, result, ++index);
            requireSources(source, result, forkIds);
            requireAccounting(source, result);
            if (!seen.add(result.configuration())) {
                throw damaged(source, "it lists " + result.configuration().label()
                        + " twice, and a results document has each configuration once (was it merged by hand?)");
            }
        }
    }

    /**
     * A document to report, gate or export must hold something: one rule for the three, so that
     * none passes or writes an empty file where another refuses.
     */
    public static void requireConfigurations(String source, RunDocument document) {
        if (document.configurations().isEmpty()) {
            throw new ResultsException(source + " holds no configurations: the run that wrote it "
                    + (document.run().complete() ? "had nothing to measure" : "was stopped before its first configuration ended")
                    + ", so there is nothing to report, gate or export. Re-run 'parbench run' and let it measure at least one configuration.");
        }
    }

    /** @param index the configuration's place in the document, counting from 1 */
    private static void validate(String source, ConfigurationResult result, int index) {
        Configuration c = result.configuration();
        if (c == null || result.status() == null) {
            throw damaged(source, "configuration " + index + " lacks \"" + (c == null ? "configuration" : "status") + "\"");
        }
        if (c.engine() == null || c.kernel() == null) {
            throw damaged(source, "configuration " + index + " has no " + (c.engine() == null ? "engine" : "kernel"));
        }
        if (c.workers() < 1) {
            throw damaged(source, c.label() + " has " + c.workers() + " workers, and worker counts are 1 or more");
        }
        if (result.status() == Status.FAILED) {
            return;
        }
        if (result.flatSamples().isEmpty()) {
            throw damaged(source, c.label() + " has status " + result.status().id() + " but no samples");
        }
        List<List<Double>> forks = result.samples();
        for (int list = 0; list < forks.size(); list++) {
            int fork = result.forkOf(list);
            requireThroughputs(source, c.label(), forks.get(list), fork > 0 ? fork : list + 1);
        }
    }

    /**
     * Version 2: where a configuration says which fork each list of samples came from, it says it
     * for every list and every sample, and names forks the document holds.
     */
    private static void requireSources(String source, ConfigurationResult result, Set<Integer> forkIds) {
        if (result.sources().isEmpty()) {
            return;
        }
        String label = result.configuration().label();
        if (result.sources().size() != result.samples().size()) {
            throw damaged(source, label + " has " + result.samples().size() + " lists of \"samples\" but " + result.sources().size()
                    + " \"sources\", and each list has one source");
        }
        for (int i = 0; i < result.sources().size(); i++) {
            SampleSource from = result.sources().get(i);
            if (from.positions().size() != result.samples().get(i).size()) {
                throw damaged(source, label + " has " + result.samples().get(i).size() + " samples from fork " + from.fork() + " but "
                        + from.positions().size() + " \"positions\" for them, and each sample has one");
            }
            if (!forkIds.isEmpty() && !forkIds.contains(from.fork())) {
                throw damaged(source, label + " has samples from fork " + from.fork() + ", which is not in \"forks\"");
            }
        }
    }

    /**
     * Where a configuration has accounting, it has one entry per list of samples, and no time or
     * count in it is negative.
     */
    private static void requireAccounting(String source, ConfigurationResult result) {
        if (result.accounting().isEmpty()) {
            return;
        }
        String label = result.configuration().label();
        if (result.accounting().size() != result.samples().size()) {
            throw damaged(source, label + " has " + result.samples().size() + " lists of \"samples\" but " + result.accounting().size()
                    + " entries of \"accounting\", and each list has one (null where it has none)");
        }
        for (PointAccounting point : result.accounting()) {
            if (point != null && negativeIn(point)) {
                throw damaged(source, label + " has a negative time or count in its \"accounting\", and what the pool and the"
                        + " machine account is never negative");
            }
        }
    }

    private static boolean negativeIn(PointAccounting point) {
        List<Long> values = new ArrayList<>(List.of((long) point.blocks(), point.wallNs(), point.steps()));
        if (point.pool() != null) {
            if (point.pool().regions() != null) values.add(point.pool().regions());
            for (PoolAccounting.WorkerTimes w : point.pool().workers()) {
                values.addAll(Arrays.asList(w.busyNs(), w.searchingNs(), w.asleepNs(), w.parkedNs(), w.steals(), w.failedSteals(),
                        w.sleeps(), w.wakeups(), w.wakeLatencyNs()));
            }
        }
        if (point.machine() != null) {
            point.machine().threads().forEach(t -> values.addAll(List.of(t.cpuNs(), t.runQueueNs())));
        }
        return values.stream().anyMatch(v -> v != null && v < 0);
    }

    /**
     * Every sample a positive, finite number of steps/s: NaN, Infinity, zero, negative and null are refused by name.
     *
     * @param owner the configuration (and where it is needed, the side) the samples belong to
     */
    static void requireThroughputs(String source, String owner, List<Double> samples, int fork) {
        for (Double sample : samples) {
            if (sample == null || !(sample > 0) || sample.isInfinite()) {
                throw damaged(source, owner + " has a sample of " + sample + " steps/s (fork " + fork
                        + "), and throughputs are positive and finite");
            }
        }
    }

    static ResultsException damaged(String source, String what) {
        return new ResultsException(source + " is a damaged results document: " + what
                + ". Re-run the benchmark to get a well-formed document.");
    }
}
