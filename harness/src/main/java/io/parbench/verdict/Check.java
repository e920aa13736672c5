package io.parbench.verdict;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.parbench.results.Configuration;
import java.util.Comparator;

/** One line of the gate's verdict: one comparison, floor, failure or missing configuration. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Comparison.class, name = "comparison"),
    @JsonSubTypes.Type(value = FloorCheck.class, name = "floor"),
    @JsonSubTypes.Type(value = FailedConfiguration.class, name = "failed"),
    @JsonSubTypes.Type(value = MissingConfiguration.class, name = "missing")
})
public sealed interface Check permits Comparison, FloorCheck, FailedConfiguration, MissingConfiguration {

    /** The order people read checks in: most severe verdict first, then by series, worker count and subject. */
    Comparator<Check> READING_ORDER = Comparator.comparing(Check::verdict)
            .thenComparing(c -> c.configuration().series().label())
            .thenComparingInt(c -> c.configuration().workers())
            .thenComparing(Check::subject);

    Configuration configuration();

    @JsonProperty
    Verdict verdict();

    /** What was checked: throughput, speedup, speedup floor, status, presence. */
    @JsonProperty
    String subject();

    /** Why this verdict, in one sentence for people. */
    @JsonProperty
    String reason();
}
