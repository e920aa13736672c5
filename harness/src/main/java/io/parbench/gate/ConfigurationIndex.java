package io.parbench.gate;

import io.parbench.cli.UserError;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One document's configurations by configuration, checked for what the gate relies on: each
 * configuration once, and measured ones with positive, finite samples.
 */
final class ConfigurationIndex {

    private final Map<Configuration, ConfigurationResult> results = new LinkedHashMap<>();

    ConfigurationIndex(LabelledDocument input) {
        for (ConfigurationResult r : input.document().configurations()) {
            Configuration c = r.configuration();
            if (results.put(c, r) != null) {
                throw new UserError(input.label() + " lists " + c.label() + " twice; a results document has each configuration once. Was it merged by hand?");
            }
            if (r.status() != Status.FAILED) {
                if (r.flatSamples().isEmpty()) {
                    throw new UserError(input.label() + ": " + c.label() + " has status " + r.status().id()
                            + " but no samples; the document is damaged. Re-run the benchmark.");
                }
                if (r.flatSamples().stream().anyMatch(s -> s == null || !(s > 0) || s.isInfinite())) {
                    throw new UserError(input.label() + ": " + c.label()
                            + " has a sample that is not a positive, finite steps/s value; the document is damaged. Re-run the benchmark.");
                }
            }
        }
    }

    ConfigurationResult get(Configuration c) {
        return results.get(c);
    }

    Collection<ConfigurationResult> all() {
        return results.values();
    }

    Collection<Configuration> configurations() {
        return results.keySet();
    }

    /** The one-worker configuration of a series, if measured. */
    ConfigurationResult oneWorker(SeriesKey series) {
        return results.get(new Configuration(series.engine(), series.kernel(), series.variant(), series.size(), 1));
    }

    /** Why a configuration's samples cannot be used (failed, or a wrong checksum), if so. */
    static Optional<String> problem(ConfigurationResult r) {
        if (r.status() == Status.FAILED) {
            return Optional.of("failed: " + (r.reason() == null ? "no reason recorded" : r.reason()));
        }
        if (r.checksum() != null && r.expectedChecksum() != null && !r.checksum().equals(r.expectedChecksum())) {
            return Optional.of("checksum mismatch: computed " + r.checksum() + ", expected " + r.expectedChecksum());
        }
        return Optional.empty();
    }
}
