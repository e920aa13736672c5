package io.parbench.report;

import java.awt.Color;
import java.util.List;

/**
 * A chart of stacked bars, one per category (e.g. {@code native W=4}), independent of how it is drawn.
 *
 * @param categories the bars, left to right
 * @param segments bottom to top; each has a value per category (0 where it has none)
 */
public record BarSpec(String title, String yTitle, List<String> categories, List<Segment> segments) {

    public BarSpec {
        categories = List.copyOf(categories);
        segments = List.copyOf(segments);
    }

    /** One layer of the stacks. */
    public record Segment(String name, Color colour, double[] values) {}
}
