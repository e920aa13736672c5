package io.parbench.gate;

import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Environment;
import io.parbench.results.RunDocument;
import io.parbench.verdict.GateInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether a baseline and a current document can be compared at all (an error when not), and
 * the differences people should know about when they can (notes).
 */
final class Compatibility {

    private Compatibility() {}

    /** @return notes about differences that do not prevent the comparison */
    static List<String> check(LabelledDocument baseline, ConfigurationIndex base, LabelledDocument current, ConfigurationIndex cur) {
        requireSameSizes(baseline, base, current, cur);
        if (base.configurations().stream().noneMatch(c -> cur.get(c) != null)) {
            throw new GateInputException(baseline.label() + " and " + current.label()
                    + " have no configuration in common (engine, kernel, size and workers); nothing to compare. "
                    + "Compare runs of the same profile and engines, or refresh the baseline.");
        }
        List<String> notes = new ArrayList<>();
        environmentNotes(baseline.document(), current.document(), notes);
        checksumNotes(base, cur, notes);
        return notes;
    }

    /** A kernel both documents measured, but at no common size, is a mix-up of profiles, not a result. */
    private static void requireSameSizes(LabelledDocument baseline, ConfigurationIndex base, LabelledDocument current, ConfigurationIndex cur) {
        Map<String, Set<Long>> baseSizes = sizes(base);
        Map<String, Set<Long>> curSizes = sizes(cur);
        for (var entry : baseSizes.entrySet()) {
            Set<Long> other = curSizes.get(entry.getKey());
            if (other != null && other.stream().noneMatch(entry.getValue()::contains)) {
                throw new GateInputException("The documents measured " + entry.getKey() + " at different sizes: " + entry.getValue()
                        + " in " + baseline.label() + ", " + other + " in " + current.label()
                        + ". Compare runs of the same profile (or the same --size), or refresh the baseline.");
            }
        }
    }

    private static Map<String, Set<Long>> sizes(ConfigurationIndex index) {
        return index.configurations().stream().collect(Collectors.groupingBy(
                c -> c.series().kernelLabel(), TreeMap::new, Collectors.mapping(Configuration::size, Collectors.toCollection(TreeSet::new))));
    }

    private static void environmentNotes(RunDocument baseline, RunDocument current, List<String> notes) {
        Environment b = baseline.environment();
        Environment c = current.environment();
        if (!Objects.equals(b.cpuModel(), c.cpuModel()) || b.logicalCores() != c.logicalCores()
                || !Objects.equals(b.os(), c.os()) || !Objects.equals(b.arch(), c.arch())) {
            notes.add("Measured on different machines (baseline: " + machine(b) + "; current: " + machine(c)
                    + "): throughput differences may be the machine's. Speedups, ratios within one run, travel better.");
        }
        if (!Objects.equals(baseline.run().settings(), current.run().settings())) {
            notes.add("Measured with different settings (baseline: " + baseline.run().settings() + "; current: "
                    + current.run().settings() + ").");
        }
    }

    private static String machine(Environment e) {
        return e.cpuModel() + ", " + e.logicalCores() + " logical cores, " + e.os() + "/" + e.arch();
    }

    /** Different expected checksums mean different inputs or kernel definitions: apples and oranges. */
    private static void checksumNotes(ConfigurationIndex base, ConfigurationIndex cur, List<String> notes) {
        Set<String> differing = new TreeSet<>();
        for (ConfigurationResult b : base.all()) {
            ConfigurationResult c = cur.get(b.configuration());
            if (c != null && b.expectedChecksum() != null && c.expectedChecksum() != null
                    && !b.expectedChecksum().equals(c.expectedChecksum())) {
                differing.add(b.configuration().series().label());
            }
        }
        if (!differing.isEmpty()) {
            notes.add("Expected checksums differ between the documents for " + String.join(", ", differing)
                    + ": the inputs (seed) or the kernel definitions changed, so the work measured is not the same.");
        }
    }
}
