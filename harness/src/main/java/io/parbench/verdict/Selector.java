package io.parbench.verdict;

import com.fasterxml.jackson.annotation.JsonValue;
import io.parbench.results.Configuration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which configurations a setting applies to: {@code KERNEL[:VARIANT][@ENGINE][:WORKERS]}, every
 * part optional, e.g. {@code nbody@chromium:2}, {@code sort:jdk}, {@code @chromium}, {@code nbody}.
 * A kernel without a variant matches all its variants. Null parts match anything.
 */
public record Selector(String kernel, String variant, String engine, Integer workers) {

    private static final Pattern SYNTAX = Pattern.compile(
            "(?<kernel>[A-Za-z0-9_.-]+|\\*)?(?::(?<variant>[A-Za-z_][A-Za-z0-9_.-]*))?"
                    + "(?:@(?<engine>[A-Za-z0-9_.-]+))?(?::(?<workers>[0-9]+))?");

    /** @param option the command-line option it came from, for the error message */
    public static Selector parse(String text, String option) {
        Matcher m = SYNTAX.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new GateInputException(option + " '" + text + "': cannot read '" + text
                    + "' as KERNEL[:VARIANT][@ENGINE][:WORKERS], e.g. nbody@chromium:2, sort:jdk, @chromium.");
        }
        String kernel = "*".equals(m.group("kernel")) ? null : m.group("kernel");
        Integer workers = m.group("workers") == null ? null : Integer.valueOf(m.group("workers"));
        if (workers != null && workers < 1) {
            throw new GateInputException(option + " '" + text + "': the worker count must be at least 1.");
        }
        return new Selector(kernel, m.group("variant"), m.group("engine"), workers);
    }

    public boolean matches(Configuration c) {
        return matchesSeries(c) && (workers == null || workers == c.workers());
    }

    /** Matches kernel, variant and engine, whatever the worker count. */
    public boolean matchesSeries(Configuration c) {
        return (kernel == null || kernel.equals(c.kernel()))
                && (variant == null || variant.equals(c.variant()))
                && (engine == null || engine.equals(c.engine()));
    }

    /** Higher for narrower selectors: a variant beats a kernel, a kernel an engine, an engine a worker count. */
    int specificity() {
        return (variant != null ? 8 : 0) + (kernel != null ? 4 : 0) + (engine != null ? 2 : 0) + (workers != null ? 1 : 0);
    }

    @JsonValue
    @Override
    public String toString() {
        return (kernel == null ? (variant == null ? "" : "*") : kernel)
                + (variant == null ? "" : ":" + variant)
                + (engine == null ? "" : "@" + engine)
                + (workers == null ? "" : ":" + workers);
    }
}
