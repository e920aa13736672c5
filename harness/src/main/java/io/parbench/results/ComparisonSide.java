package io.parbench.results;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two sides of a comparison: A, what is compared against, and B, what is under test. */
public enum ComparisonSide {
    BASELINE,
    CURRENT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A or B, as the comparison's output names them. */
    public String letter() {
        return this == BASELINE ? "A" : "B";
    }
}
