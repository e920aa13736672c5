package io.parbench.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Numbers for people, the same in the report, the gate, progress lines and inspect: three
 * significant digits, SI prefixes, and a unit on every value.
 */
public final class Format {

    private static final String[] PREFIXES = {"", " k", " M", " G", " T"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {}

    /** A value with three significant digits and an SI prefix: {@code 1.23 k}, {@code 45.6 M}, {@code 0.512}. */
    public static String si(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        int prefix = 0;
        while (magnitude >= 999.5 && prefix < PREFIXES.length - 1) {
            magnitude /= 1000;
            value /= 1000;
            prefix++;
        }
        return significant(value) + PREFIXES[prefix];
    }

    /** An axis tick: like {@link #si} without trailing zeros ({@code 1.5 k}, {@code 20}, {@code 0.25}). */
    public static String tick(double value) {
        String si = si(value);
        String number = si.replaceAll("[^0-9.\\-].*$", "").strip();
        String trimmed = number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
        return trimmed + si.substring(number.length());
    }

    /** Throughput: {@code 1.23 k steps/s}. */
    public static String rate(double stepsPerSecond) {
        return si(stepsPerSecond) + " steps/s";
    }

    /** The time one step takes at a throughput: {@code 4.56 ms/step}. */
    public static String stepTime(double stepsPerSecond) {
        return stepsPerSecond > 0 ? seconds(1 / stepsPerSecond) + "/step" : "–";
    }

    /** Milliseconds, in the unit that reads best: {@code 850 µs}, {@code 12.3 ms}, {@code 1.20 s}. */
    public static String millis(double millis) {
        return seconds(millis / 1000);
    }

    /** Seconds, in the unit that reads best. */
    public static String seconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "–";
        }
        double abs = Math.abs(seconds);
        if (abs >= 0.9995 || abs == 0) {
            return significant(seconds) + " s";
        } else if (abs >= 0.0009995) {
            return significant(seconds * 1e3) + " ms";
        } else if (abs >= 0.0000009995) {
            return significant(seconds * 1e6) + " µs";
        }
        return significant(seconds * 1e9) + " ns";
    }

    /** A ratio or speedup: {@code 1.92×}. */
    public static String times(double ratio) {
        return Double.isFinite(ratio) ? significant(ratio) + "×" : "–";
    }

    /** A fraction as a percentage: {@code 100%}, {@code 71.7%}, {@code 5%}, {@code 4.2%}, {@code 0.94%}. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "–";
        }
        double percent = Math.abs(fraction * 100);
        boolean whole = Math.abs(percent - Math.rint(percent)) < 1e-9;
        int decimals = percent >= 99.95 || whole ? 0 : percent >= 0.995 ? 1 : 2;
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }

    /** A load average (runnable threads): {@code 5.2}. */
    public static String load(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A dimensionless fraction such as the Karp–Flatt serial fraction: {@code 0.042}. */
    public static String fraction(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return Math.abs(value) < 0.0005 ? "0.000" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** An interval: {@code 1.20 k – 1.26 k}. */
    public static String range(String low, String high) {
        return low + " – " + high;
    }

    /** Bytes in binary units: {@code 15.6 GiB}, {@code 16 MiB}. */
    public static String bytes(long bytes) {
        if (bytes <= 0) {
            return "unknown";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1023.5 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        // Exact multiples (a wasm memory of 16 MiB) read as such, not as "16.0 MiB".
        return (value == Math.rint(value) ? Long.toString((long) value) : significant(value)) + " " + units[unit];
    }

    /** A problem size: powers of two as {@code 2^20}, others with thousands separators. */
    public static String size(long size) {
        if (size >= 1024 && Long.bitCount(size) == 1) {
            return "2^" + Long.numberOfTrailingZeros(size);
        }
        return String.format(Locale.ROOT, "%,d", size);
    }

    /** A moment, to the minute, in UTC: {@code 2025-03-01 14:02 UTC}. */
    public static String instant(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant);
    }

    /** How long something took: {@code 4 min 12 s}, {@code 1 h 3 min}. */
    public static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "unknown";
        }
        return duration(Duration.between(start, end));
    }

    /** A duration to the second: {@code 42 s}, {@code 3 min 7 s}, {@code 1 h 3 min}. */
    public static String duration(Duration d) {
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        } else if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toSeconds() + " s";
    }

    /** A command line as it would be typed into a POSIX shell, quoting where needed. */
    public static String commandLine(List<String> args) {
        StringBuilder out = new StringBuilder();
        for (String arg : args) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }

    /** Three significant digits (down to 0.000001), never scientific notation, no decimals from 100 up. */
    public static String significant(double value) {
        double abs = Math.abs(value);
        if (abs < 5e-7) {
            return "0";
        }
        int decimals = abs >= 99.95 ? 0 : abs >= 9.995 ? 1 : abs >= 0.9995 ? 2
                : Math.min(6, 2 - (int) Math.floor(Math.log10(abs * 1.0005)));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
