package io.parbench.jmh;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The blocks a benchmark fork measures, one measurement iteration each, as the benchmarks'
 * {@code workers} parameter spells them: worker counts separated by spaces ("1 2 4 4 2 1"), each
 * after its side where a comparison measures two libraries in one fork (native: "A1 B1 B2 A2";
 * A is side A's library, B, the default, the one under test). Measurement iteration i measures
 * block i (cycling when there are more iterations: "2" measures every iteration at 2 workers);
 * warm-up iteration i warms point i of the order's distinct points, cycling too.
 */
public record ForkOrder(List<Point> blocks) {

    /** A comparison's side: A the baseline library, B the one under test (the only side of a run). */
    public enum Side { A, B }

    /** A point of the curve: a side at a worker count. */
    public record Point(Side side, int workers) {
        public Point {
            if (side == null || workers < 1) {
                throw new IllegalArgumentException("a block needs a side and at least one worker, not " + side + ", " + workers);
            }
        }

        /** How the parameter spells it: the count, after "A" for side A. */
        public String token() {
            return (side == Side.A ? "A" : "") + workers;
        }
    }

    public ForkOrder {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a fork measures at least one block");
        }
    }

    /** @throws IllegalArgumentException with a sentence saying what is wrong */
    public static ForkOrder parse(String text) {
        List<Point> blocks = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            String upper = token.toUpperCase(Locale.ROOT);
            Side side = upper.startsWith("A") ? Side.A : Side.B;
            String count = upper.startsWith("A") || upper.startsWith("B") ? upper.substring(1) : upper;
            try {
                blocks.add(new Point(side, Integer.parseInt(count)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("workers '" + text + "' is not a worker count or a fork's blocks ('2', '1 2 2 1',"
                        + " 'A1 B1 B2 A2'): '" + token + "' is not a count of at least 1, optionally after its side A or B.", e);
            }
        }
        return new ForkOrder(blocks);
    }

    /** As the parameter spells it. */
    @Override
    public String toString() {
        return blocks.stream().map(Point::token).collect(Collectors.joining(" "));
    }

    /** The distinct points, in the order they first appear. */
    public List<Point> points() {
        return List.copyOf(new LinkedHashSet<>(blocks));
    }

    /** The sides it measures. */
    public SortedSet<Side> sides() {
        return blocks.stream().map(Point::side).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The worker counts a side is measured at. */
    public SortedSet<Integer> workers(Side side) {
        return blocks.stream().filter(b -> b.side() == side).map(Point::workers).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The block measurement iteration {@code index} (from 0) measures. */
    public Point measured(int index) {
        return blocks.get(index % blocks.size());
    }

    /** The point warm-up iteration {@code index} (from 0) warms. */
    public Point warmed(int index) {
        List<Point> points = points();
        return points.get(index % points.size());
    }
}
