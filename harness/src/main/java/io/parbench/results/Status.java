package io.parbench.results;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a configuration ended. */
public enum Status {
    /** Measured, and its checksum matched. */
    OK,
    /** Not measured, or measured wrong (crash, timeout, checksum mismatch): see the reason. */
    FAILED,
    /** Measured single-threaded because threads were unavailable (e.g. no cross-origin isolation). */
    FALLBACK;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
