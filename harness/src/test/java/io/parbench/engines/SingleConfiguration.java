package io.parbench.engines;

import io.parbench.results.AdapterRun;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tests of an engine measure one configuration in its own forks (one worker count, one side):
 * {@code settings.forks()} forks of {@code settings.iterations()} blocks, their results together.
 */
public final class SingleConfiguration {

    /**
     * @param samples steps/s per fork (the forks measured before one failed, in a failure)
     * @param forks every fork's measurement, in order
     */
    public record Result(Status status, String reason, List<List<Double>> samples, String checksum, Double poolStartupMillis,
            List<String> notes, List<ForkMeasurement> forks) {

        /** byo: what the forks' pages found out (see {@link AdapterRun#overForks}), null for other engines. */
        public AdapterRun adapter() {
            return AdapterRun.overForks(forks.stream().flatMap(fork -> fork.adapterRuns().values().stream()).toList());
        }

        /** The last fork's longest main-thread stall (browsers). */
        public Double mainThreadMaxGapMillis() {
            return forks.getLast().mainThreadMaxGapMillis();
        }
    }

    private SingleConfiguration() {}

    public static Result measure(Engine engine, Configuration c, MeasurementSettings settings) throws Exception {
        Block point = Block.of(c.workers());
        ForkPlan plan = new ForkPlan(c.series(), Collections.nCopies(settings.iterations(), point), settings);
        List<List<Double>> samples = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ForkMeasurement> forks = new ArrayList<>();
        Set<String> checksums = new LinkedHashSet<>();
        Status status = Status.OK;
        String reason = null;
        Double startup = null;
        for (int fork = 0; fork < settings.forks(); fork++) {
            ForkMeasurement m = engine.measure(plan);
            forks.add(m);
            notes.addAll(m.notes());
            samples.add(m.blocks().stream().map(ForkMeasurement.MeasuredBlock::stepsPerSecond).toList());
            if (m.status() == Status.FAILED) {
                return new Result(Status.FAILED, m.reason(), samples, null, m.poolStartupMillis(), notes, forks);
            }
            if (m.status() == Status.FALLBACK) {
                status = Status.FALLBACK;
                reason = m.reason();
            }
            if (m.checksums().get(point) != null) {
                checksums.add(m.checksums().get(point));
            }
            startup = m.poolStartupMillis();
        }
        if (checksums.size() > 1) {
            return new Result(Status.FAILED, "the forks computed different checksums: " + checksums, samples, null, startup, notes, forks);
        }
        return new Result(status, reason, samples, checksums.isEmpty() ? null : checksums.iterator().next(), startup, notes, forks);
    }
}
