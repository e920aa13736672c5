package io.parbench.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Parses worker-count expressions: a list ({@code 1,2,4}), a range ({@code 1..8}), a mix of both,
 * {@code auto} (1, 2, 4, … up to the logical cores, plus cores-1, the cores themselves and one
 * oversubscribed point at twice the cores) or {@code quick} (1, 2 and the cores).
 */
public final class WorkerCounts {

    /** Far beyond any pool worth measuring; also the C library's limit. */
    public static final int MAX = 1024;

    private WorkerCounts() {}

    public static List<Integer> parse(String expression, int cores) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (String part : expression.split(",")) {
            String p = part.trim();
            if (p.equals("auto")) {
                for (int w = 1; w <= cores; w *= 2) counts.add(w);
                counts.add(Math.max(1, cores - 1));
                counts.add(cores);
                counts.add(Math.min(MAX, 2 * cores));
            } else if (p.equals("quick")) {
                counts.add(1);
                counts.add(2);
                counts.add(cores);
            } else if (p.contains("..")) {
                String[] ends = p.split("\\.\\.", -1);
                int from = number(ends[0], expression);
                int to = number(ends.length > 1 ? ends[1] : "", expression);
                if (from > to) throw bad(expression, "the range " + p + " is empty (write the smaller number first)");
                for (int w = from; w <= to; w++) counts.add(w);
            } else {
                counts.add(number(p, expression));
            }
        }
        return new ArrayList<>(counts);
    }

    private static int number(String s, String expression) {
        int n;
        try {
            n = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw bad(expression, "'" + s.trim() + "' is not a whole number");
        }
        if (n < 1 || n > MAX) throw bad(expression, n + " is outside 1.." + MAX);
        return n;
    }

    private static IllegalArgumentException bad(String expression, String why) {
        return new IllegalArgumentException("Bad --workers '" + expression + "': " + why
                + ". Use a list (1,2,4), a range (1..8), 'auto' or 'quick'.");
    }
}
