package io.parbench.jmh;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.BenchmarkException;

/**
 * Turns what JMH reports about a failed run into one readable reason. An exception thrown in
 * the fork reaches the host as a BenchmarkException whose suppressed exceptions are the fork's
 * own; a fork that died reports only its exit code, so the error lines of its stderr (which
 * JMH copies into its output) are added.
 */
final class FailureReason {
    private static final String STDERR_START = "<stderr last=";
    private static final String STDERR_END = "</stderr>";

    private FailureReason() {}

    static String of(Throwable failure, String log) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BenchmarkException benchmark) {
                if (benchmark.getSuppressed().length > 0) {
                    return describe(benchmark.getSuppressed()[0]);
                }
                if (benchmark.getCause() != null) {
                    return withForkErrors(describe(benchmark.getCause()), log);
                }
            }
        }
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return withForkErrors(describe(deepest), log);
    }

    /** The reason when JMH threw nothing but results are missing: the fork's error lines, if any. */
    static String fromLog(String log) {
        List<String> errors = forkErrors(log);
        return errors.isEmpty() ? "JMH reported no error; see its output." : String.join(" / ", errors);
    }

    /** Our own exceptions carry a full sentence; others need their type to make sense. */
    private static String describe(Throwable t) {
        boolean sentence = t.getClass().getName().startsWith("io.parbench.")
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException;
        String message = t.getMessage() == null ? "" : t.getMessage();
        return sentence && !message.isBlank() ? message : t.getClass().getSimpleName() + ": " + message;
    }

    private static String withForkErrors(String reason, String log) {
        List<String> errors = forkErrors(log);
        return errors.isEmpty() ? reason : reason + ": " + String.join(" / ", errors);
    }

    /** Lines of the fork's stderr that name an error or exception; else its last line. */
    private static List<String> forkErrors(String log) {
        int start = log.lastIndexOf(STDERR_START);
        int end = log.indexOf(STDERR_END, Math.max(start, 0));
        if (start < 0 || end < 0) {
            return List.of();
        }
        List<String> lines = log.substring(log.indexOf('\n', start) + 1, end).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> errors = new ArrayList<>();
        for (String line : lines) {
            if ((line.contains("Error") || line.contains("Exception")) && !line.startsWith("at ")) {
                errors.add(line);
            }
        }
        if (errors.isEmpty() && !lines.isEmpty()) {
            errors.add(lines.getLast());
        }
        return errors;
    }
}
