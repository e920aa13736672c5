package io.parbench.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.parbench.text.Format;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a {@link ChartSpec} (or a {@link BarSpec}) with XChart and returns it as SVG markup ready to inline in HTML. */
public final class Charts {

    static final int WIDTH = 440;
    static final int HEIGHT = 300;

    /** One marker shape per document, so documents stay apart even in greyscale; {@link #legendSymbol} draws the same. */
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN,
    };

    private static final String FONT = "DejaVu Sans";
    private static final BasicStroke SOLID = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
    private static final BasicStroke DOTTED =
            new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1.5f, 3.5f}, 0f);
    private static final BasicStroke BAR = new BasicStroke(1.2f);

    private Charts() {}

    /**
     * @param idPrefix makes the SVG's element ids unique in the page (several SVGs share one id space)
     */
    public static String svg(ChartSpec spec, String idPrefix) {
        return svg(build(spec), spec.title(), idPrefix);
    }

    /** Stacked bars, in the look of the line charts. */
    public static String svg(BarSpec spec, String idPrefix) {
        CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
        chart.setTitle(spec.title());
        chart.setYAxisTitle(spec.yTitle());
        CategoryStyler styler = chart.getStyler();
        common(styler);
        styler.setStacked(true);
        styler.setOverlapped(false);
        styler.setAvailableSpaceFill(0.7);
        styler.setXAxisLabelRotation(spec.categories().size() > 3 ? 40 : 0);
        styler.setYAxisMin(0.0);
        styler.setyAxisTickLabelsFormattingFunction(y -> Format.tick(y));
        for (BarSpec.Segment segment : spec.segments()) {
            CategorySeries series = chart.addSeries(segment.name(), spec.categories(),
                    Arrays.stream(segment.values()).boxed().toList());
            series.setFillColor(segment.colour());
        }
        return svg(chart, spec.title(), idPrefix);
    }

    private static String svg(Chart<?, ?> chart, String title, String idPrefix) {
        VectorGraphics2D graphics = new VectorGraphics2D();
        chart.paint(graphics, WIDTH, HEIGHT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(graphics.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT)).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the chart '" + title + "'", e);
        }
        return SvgCleaner.clean(out.toString(StandardCharsets.UTF_8), idPrefix, title);
    }

    /**
     * A small inline SVG that shows how a line is drawn (colour, dash, marker), for the HTML legend.
     */
    public static String legendSymbol(ChartSpec.Line line) {
        String colour = String.format("#%06x", line.colour().getRGB() & 0xFFFFFF);
        String dash = switch (line.kind()) {
            case FIT -> " stroke-dasharray=\"1.5 3.5\" stroke-linecap=\"round\"";
            case REFERENCE -> " stroke-dasharray=\"7 4\"";
            case DATA -> line.dashed() ? " stroke-dasharray=\"7 4\"" : "";
        };
        String marker = line.kind() != ChartSpec.Kind.DATA ? "" : switch (line.marker() % MARKERS.length) {
            case 0 -> "<circle cx=\"15\" cy=\"7\" r=\"4\"/>";
            case 1 -> "<rect x=\"11\" y=\"3\" width=\"8\" height=\"8\"/>";
            case 2 -> "<path d=\"M15 2 L20 7 L15 12 L10 7 Z\"/>";
            case 3 -> "<path d=\"M15 2.5 L19.5 11 L10.5 11 Z\"/>";
            default -> "<path d=\"M15 11.5 L19.5 3 L10.5 3 Z\"/>";
        };
        return "<svg class=\"symbol\" width=\"30\" height=\"14\" viewBox=\"0 0 30 14\" aria-hidden=\"true\"><line x1=\"1\" y1=\"7\" x2=\"29\" y2=\"7\""
                + " stroke=\"" + colour + "\" stroke-width=\"2\"" + dash + "/><g fill=\"" + colour + "\">" + marker + "</g></svg>";
    }

    static XYChart build(ChartSpec spec) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(spec.title());
        chart.setXAxisTitle(spec.xTitle());
        chart.setYAxisTitle(spec.yTitle());
        style(chart.getStyler(), spec);
        double[] xRange = xRange(spec);
        double capHalfWidth = (xRange[1] - xRange[0]) * 0.015;
        Set<String> names = new HashSet<>();
        for (ChartSpec.Line line : spec.lines()) {
            // Two documents of one machine (a run given twice, or its copy) draw series of one name: XChart wants each once.
            String name = line.name();
            for (int n = 2; !names.add(name); n++) {
                name = line.name() + " (" + n + ")";
            }
            XYSeries series = chart.addSeries(name, line.x(), line.y());
            switch (line.kind()) {
                case DATA -> {
                    series.setMarker(MARKERS[line.marker() % MARKERS.length]);
                    series.setMarkerColor(line.colour());
                    series.setLineStyle(line.dashed() ? DASHED : SOLID);
                }
                case FIT -> {
                    series.setMarker(SeriesMarkers.NONE);
                    series.setLineStyle(DOTTED);
                }
                case REFERENCE -> {
                    series.setMarker(SeriesMarkers.NONE);
                    series.setLineStyle(DASHED);
                }
            }
            series.setLineColor(line.colour());
            if (line.low() != null) {
                for (int i = 0; i < line.x().length; i++) {
                    addIntervalBar(chart, name, line, i, capHalfWidth);
                }
            }
        }
        return chart;
    }

    /** XChart's own error bars are symmetric; intervals of ratios are not, so each bar is drawn as an I-beam. */
    private static void addIntervalBar(XYChart chart, String name, ChartSpec.Line line, int i, double cap) {
        double x = line.x()[i];
        double low = line.low()[i];
        double high = line.high()[i];
        if (!(Double.isFinite(low) && Double.isFinite(high)) || high <= low) {
            return;
        }
        XYSeries bar = chart.addSeries(
                name + " (interval " + i + ")",
                new double[] {x - cap, x + cap, x, x, x - cap, x + cap},
                new double[] {low, low, low, high, high, high});
        bar.setMarker(SeriesMarkers.NONE);
        bar.setLineColor(line.colour());
        bar.setLineStyle(BAR);
    }

    private static void style(XYStyler styler, ChartSpec spec) {
        common(styler);
        styler.setMarkerSize(8);
        double[] xRange = xRange(spec);
        styler.setXAxisMin(xRange[0]);
        styler.setXAxisMax(xRange[1]);
        // Worker counts are whole numbers: label only the whole ticks XChart picks.
        styler.setxAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) ? String.valueOf(x.longValue()) : "");
        if (spec.logY()) {
            // XChart labels a logarithmic axis correctly only with its own decade ticks: a custom tick
            // formatter would put linear labels on it.
            styler.setYAxisLogarithmic(true);
            styler.setYAxisDecimalPattern("#,##0.###");
        } else {
            styler.setyAxisTickLabelsFormattingFunction(y -> spec.yTicks().apply(y));
            styler.setYAxisMin(spec.yRange() == null ? 0.0 : spec.yRange()[0]);
            if (spec.yRange() != null) {
                styler.setYAxisMax(spec.yRange()[1]);
            }
        }
    }

    /** The report's look, shared by line and bar charts. */
    private static void common(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(new Color(0xFBFBFB));
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(new Color(0xCCCCCC));
        styler.setPlotGridLinesColor(new Color(0xE4E4E4));
        styler.setChartFontColor(new Color(0x222222));
        styler.setAxisTickLabelsColor(new Color(0x333333));
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 14));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        // One HTML legend serves a kernel's charts (see legendSymbol): it wraps, XChart's does not.
        styler.setLegendVisible(false);
        styler.setChartPadding(8);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
    }

    private static double[] xRange(ChartSpec spec) {
        double max = spec.lines().stream()
                .flatMapToDouble(l -> Arrays.stream(l.x()))
                .max()
                .orElse(1);
        return new double[] {1, Math.max(2, max)};
    }
}
