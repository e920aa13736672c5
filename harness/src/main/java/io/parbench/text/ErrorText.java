package io.parbench.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short forms of exception messages for reasons and notes, keeping what says what went wrong. */
public final class ErrorText {

    /** Playwright wraps its driver's errors as {@code Error {\n  message='…\n  name='…\n  stack='…}}. */
    private static final Pattern WRAPPED = Pattern.compile("^Error \\{\\s*message='(.*?)\\n\\s*name='(.*?)\\n", Pattern.DOTALL);
    /** Where the useful part of a message ends: stack frames and Playwright's call logs. */
    private static final Pattern NOISE = Pattern.compile("^\\s*(at .*|Call log:.*|=+ logs =+.*)$");
    private static final int MAX_LENGTH = 600;

    private ErrorText() {}

    /** The message without stack frames and call logs, on one line; Playwright's wrapped errors as "Name: message". */
    public static String summary(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        Matcher wrapped = WRAPPED.matcher(message);
        if (wrapped.find()) {
            return shorten(wrapped.group(2).strip() + ": " + wrapped.group(1).strip());
        }
        StringBuilder kept = new StringBuilder();
        for (String line : message.lines().toList()) {
            if (NOISE.matcher(line).matches()) {
                break;
            }
            if (!line.isBlank()) {
                kept.append(kept.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        return shorten(kept.toString());
    }

    /** The last few lines of a console or log, for a reason: " (last console lines: a | b)" or "". */
    public static String lastLines(String label, List<String> lines, int count) {
        if (lines.isEmpty()) {
            return "";
        }
        return " (last " + label + ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size())) + ")";
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
