package io.parbench.gate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** How the gate writes numbers for people, the same in every output format. */
public final class Text {

    private Text() {}

    /** A relative change with its sign: "+3.1%", "-20.0%". */
    public static String change(double change) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * change);
    }

    /** A fraction as a percentage without sign: "5%", "2.5%". */
    public static String percent(double fraction) {
        return number(100 * fraction) + "%";
    }

    /** Up to four significant digits, no exponent, no trailing zeros: 0.0123, 12.35, 123457. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4));
        if (Math.abs(value) >= 1e4) {
            rounded = rounded.setScale(0, RoundingMode.HALF_EVEN);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A duration for people: {@code 42s}, {@code 3m07s} (as run progress writes it). */
    public static String duration(Duration d) {
        return io.parbench.run.Progress.format(d);
    }

    /** A p-value: "p = 0.0123", "p < 0.0001". */
    public static String pValue(double p) {
        return p < 1e-4 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);
    }

    /** A problem size: large powers of two as "2^21" (as in KERNELS.md), others as they are: 2048. */
    public static String size(long size) {
        return size >= 65536 && Long.bitCount(size) == 1 ? "2^" + Long.numberOfTrailingZeros(size) : Long.toString(size);
    }
}
