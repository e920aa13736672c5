package io.parbench.gate;

import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One (validated) document's configurations by configuration. */
final class ConfigurationIndex {

    private final Map<Configuration, ConfigurationResult> results = new LinkedHashMap<>();

    ConfigurationIndex(LabelledDocument input) {
        for (ConfigurationResult r : input.document().configurations()) {
            results.put(r.configuration(), r);
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
