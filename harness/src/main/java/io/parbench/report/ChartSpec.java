package io.parbench.report;

import java.awt.Color;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * What one chart shows, independent of how it is drawn: a y quantity against the worker count.
 *
 * @param yTicks formats the y axis' tick values (units belong in the axis title)
 * @param logY a logarithmic y axis, for throughputs that differ by orders of magnitude
 * @param yRange the linear y axis' {min, max}, or null for 0 up to what the lines need
 */
public record ChartSpec(
        String title, String xTitle, String yTitle, DoubleFunction<String> yTicks, boolean logY, List<Line> lines, double[] yRange) {

    public ChartSpec {
        lines = List.copyOf(lines);
    }

    public ChartSpec(String title, String xTitle, String yTitle, DoubleFunction<String> yTicks, boolean logY, List<Line> lines) {
        this(title, xTitle, yTitle, yTicks, logY, lines, null);
    }

    /** How a line is drawn. */
    public enum Kind {
        /** Measured values: solid, with markers and interval bars. */
        DATA,
        /** A fitted model: thin dotted line in its series' colour, no markers. */
        FIT,
        /** A reference such as ideal scaling: grey dashed line. */
        REFERENCE
    }

    /**
     * One line.
     *
     * @param marker index of the marker shape (one per document), ignored for fits and references
     * @param low lower ends of the intervals drawn as bars, or null for none
     * @param high upper ends of the intervals, or null for none
     */
    public record Line(
            String name, Kind kind, Color colour, int marker, boolean dashed, double[] x, double[] y, double[] low, double[] high) {

        public static Line data(String name, Color colour, int marker, boolean dashed, double[] x, double[] y, double[] low, double[] high) {
            return new Line(name, Kind.DATA, colour, marker, dashed, x, y, low, high);
        }

        public static Line fit(String name, Color colour, double[] x, double[] y) {
            return new Line(name, Kind.FIT, colour, 0, false, x, y, null, null);
        }

        public static Line reference(String name, double[] x, double[] y) {
            return new Line(name, Kind.REFERENCE, Palette.REFERENCE, 0, true, x, y, null, null);
        }
    }
}
