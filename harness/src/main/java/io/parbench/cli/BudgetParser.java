package io.parbench.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a time budget as people write it: {@code 10m}, {@code 90s}, {@code 1h}, {@code 5m30s}. */
final class BudgetParser {

    private static final Pattern SYNTAX = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private BudgetParser() {}

    static Duration parse(String text, String option) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (text.isBlank() || !m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
            throw new UserError(option + " '" + text + "' is not a duration; give one such as 10m, 90s, 1h or 5m30s.");
        }
        Duration d = Duration.ofHours(part(m.group(1))).plusMinutes(part(m.group(2))).plusSeconds(part(m.group(3)));
        if (d.isZero()) {
            throw new UserError(option + " '" + text + "' is no time at all; give a budget such as 10m.");
        }
        return d;
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
