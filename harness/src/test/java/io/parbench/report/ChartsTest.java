package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.text.Format;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class ChartsTest {

    private static ChartSpec spec(boolean log) {
        return new ChartSpec("sum: throughput", "workers (W)", "throughput (steps/s, 95% CI)", Format::tick, log, List.of(
                ChartSpec.Line.data("native", Palette.engine("native"), 0, false,
                        new double[] {1, 2, 4}, new double[] {5000, 9570, 17400}, new double[] {4950, 9500, 17300}, new double[] {5050, 9640, 17500}),
                ChartSpec.Line.data("chromium", Palette.engine("chromium"), 1, false,
                        new double[] {1, 2, 4}, new double[] {39.9, 76.1, 138}, new double[] {39.6, 75.6, 138}, new double[] {40.2, 76.6, 139})));
    }

    @Test
    void aLogarithmicAxisKeepsXChartsDecadeLabels() {
        // With a custom tick formatter XChart puts linear labels on a logarithmic axis: the chart would lie.
        XYChart chart = Charts.build(spec(true));
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertNull(chart.getStyler().getyAxisTickLabelsFormattingFunction());
    }

    @Test
    void theSvgIsReadyToInlineInAPage() {
        String svg = Charts.svg(spec(false), "kernel-sum-throughput");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 440 300\""), svg.substring(0, 120));
        assertTrue(svg.contains("<title>sum: throughput</title>"));
        assertFalse(svg.contains("<?xml") || svg.contains("<!DOCTYPE"));
        assertTrue(Pattern.compile("id=\"kernel-sum-throughput-").matcher(svg).find(), "ids carry the chart's prefix");
        assertFalse(Pattern.compile("\\d\\.\\d{2,}").matcher(svg).find(), "coordinates are rounded to a tenth of a pixel");
        assertTrue(svg.length() < 120_000, "one chart is " + svg.length() + " characters");
    }

    @Test
    void stackedBarsAreDrawnInTheSegmentsColoursAndInlineLikeTheLines() {
        BarSpec spec = new BarSpec("sum: where the speedup goes", "speedup (×)", List.of("native W=2", "webkit W=2"), List.of(
                new BarSpec.Segment("speedup achieved", Palette.ACHIEVED, new double[] {1.9, 0.93}),
                new BarSpec.Segment("lost to idle workers", new java.awt.Color(0xE69F00), new double[] {0.1, 1.07})));
        String svg = Charts.svg(spec, "kernel-sum-losses");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 440 300\""), svg.substring(0, 120));
        assertTrue(svg.contains("<title>sum: where the speedup goes</title>"));
        assertTrue(svg.toLowerCase().contains("0072b2") || svg.contains("rgb(0,114,178)"), "the achieved segment's colour");
        assertTrue(svg.toLowerCase().contains("e69f00") || svg.contains("rgb(230,159,0)"), "the lost segment's colour");
        assertTrue(Pattern.compile("id=\"kernel-sum-losses-").matcher(svg).find(), "ids carry the chart's prefix");
    }
}
