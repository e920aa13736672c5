package io.parbench.verdict;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a baseline/current comparison compares. */
public enum Metric {
    /** Steps per second at one worker count. */
    THROUGHPUT,
    /** Throughput at W workers over throughput at one worker, in the same run. */
    SPEEDUP;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
