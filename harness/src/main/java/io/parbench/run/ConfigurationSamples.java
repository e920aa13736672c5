package io.parbench.run;

import io.parbench.change.ForkValues;
import io.parbench.results.AdapterRun;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.PointAccounting;
import io.parbench.results.SampleSource;
import io.parbench.results.Status;
import io.parbench.statistics.Statistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the forks measured so far of one configuration: its samples fork by fork with their
 * sources, and how it stands (failed once, it stays failed and is measured no more).
 */
final class ConfigurationSamples {

    private final Configuration configuration;
    private final List<List<Double>> samples = new ArrayList<>();
    private final List<SampleSource> sources = new ArrayList<>();
    private final List<PointAccounting> accounting = new ArrayList<>();
    private final List<Double> poolStartups = new ArrayList<>();
    private final List<Double> mainThreadGaps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<AdapterRun> adapterRuns = new ArrayList<>();
    private Status status = Status.OK;
    private String reason;
    private String checksum;
    private String expectedChecksum;
    private Instant measuredAt;

    ConfigurationSamples(Configuration configuration) {
        this.configuration = configuration;
    }

    boolean failed() {
        return status == Status.FAILED;
    }

    /** Whether there is anything to save yet: samples, or a failure. */
    boolean hasNews() {
        return failed() || !samples.isEmpty();
    }

    /** @param blocksAccounting the accounting of the blocks the fork's value comes from, or null (see {@link ForkValues#accounting}) */
    void add(int fork, List<Double> values, List<Integer> positions, PointAccounting blocksAccounting, Double poolStartupMillis,
            Double mainThreadGapMillis, Instant at) {
        if (!values.isEmpty()) {
            samples.add(List.copyOf(values));
            sources.add(new SampleSource(fork, positions));
            accounting.add(blocksAccounting);
        }
        if (poolStartupMillis != null) poolStartups.add(poolStartupMillis);
        if (mainThreadGapMillis != null) mainThreadGaps.add(mainThreadGapMillis);
        measuredAt = at;
    }

    /** The checksum check of one fork (see {@link ExpectedChecksums#verify}). */
    void checked(ExpectedChecksums.Verdict verdict, String computed) {
        expectedChecksum = verdict.expected();
        if (computed != null) checksum = computed;
        if (verdict.status() == Status.FAILED) {
            fail(verdict.reason());
        } else if (verdict.status() == Status.FALLBACK && !failed()) {
            status = Status.FALLBACK;
            reason = verdict.reason();
        }
    }

    /** What a byo page that measured it found out (null for other engines). */
    void adapterRun(AdapterRun found) {
        if (found != null) adapterRuns.add(found);
    }

    void fail(String why) {
        if (!failed()) {
            status = Status.FAILED;
            reason = why;
        }
    }

    void note(String note) {
        notes.add(note);
    }

    ConfigurationResult result() {
        Double startup = poolStartups.isEmpty() ? null : Statistics.median(poolStartups);
        Double gap = mainThreadGaps.stream().max(Double::compare).orElse(null);
        boolean unmeasured = samples.isEmpty() && !failed();
        return new ConfigurationResult(configuration, unmeasured ? Status.FAILED : status,
                unmeasured ? "no fork measured it (each ended before reaching it)" : reason, samples, sources, checksum, expectedChecksum,
                startup, gap, measuredAt, notes, AdapterRun.overForks(adapterRuns), accounting);
    }
}
