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

    /** The side of an {@link #id()}, e.g. as a page names it. */
    public static ComparisonSide parse(String id) {
        for (ComparisonSide side : values()) {
            if (side.id().equals(id)) {
                return side;
            }
        }
        throw new IllegalArgumentException("no comparison side '" + id + "' (baseline or current)");
    }

    /** A or B, as the comparison's output names them. */
    public String letter() {
        return this == BASELINE ? "A" : "B";
    }
}
