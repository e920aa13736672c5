package io.parbench.verdict;

import java.util.Locale;

/**
 * The gate's own wording of numbers (signed changes), the same in every output format;
 * plain numbers, sizes and percentages are {@link io.parbench.text.Format}'s.
 */
public final class Text {

    private Text() {}

    /** A relative change with its sign: "+3.1%", "-20.0%". */
    public static String change(double change) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * change);
    }
}
