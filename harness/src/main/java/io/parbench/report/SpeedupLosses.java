package io.parbench.report;

import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SpeedupDecomposition;
import io.parbench.analysis.SpeedupDecomposition.Part;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A kernel's "where the speedup goes": per series and W with a decomposition, a stacked bar of the
 * speedup achieved and each part lost, up to W, and the dominant loss in words.
 */
final class SpeedupLosses {

    private SpeedupLosses() {}

    /** One bar: a series at one worker count. */
    record Bar(KernelSeries series, ScalingPoint point) {

        String label() {
            return series.name() + " W=" + point.workers();
        }

        SpeedupDecomposition decomposition() {
            return point.decomposition();
        }
    }

    /** The bars of a kernel's series, by series then W; none when no series kept accounting. */
    static List<Bar> bars(List<KernelSeries> series) {
        List<Bar> bars = new ArrayList<>();
        for (KernelSeries s : series) {
            if (s.analysis() != null) {
                s.analysis().points().stream().filter(p -> p.decomposition() != null).forEach(p -> bars.add(new Bar(s, p)));
            }
        }
        return bars;
    }

    /**
     * Bottom to top, all from the accounting (so that a bar is exactly W, plus any gain): the speedup
     * it implies, less what it gained beyond W (superlinear), that gain, then each part lost. Where
     * the samples' speedup differs by more than 5% of W the line under the chart says so.
     */
    static BarSpec chart(String kernel, List<Bar> bars) {
        List<String> categories = bars.stream().map(Bar::label).toList();
        List<BarSpec.Segment> segments = new ArrayList<>();
        segments.add(new BarSpec.Segment("speedup achieved", Palette.ACHIEVED,
                values(bars, d -> d.accountedSpeedup() - d.superlinearGain())));
        double[] gained = values(bars, SpeedupDecomposition::superlinearGain);
        if (Arrays.stream(gained).anyMatch(g -> g > 0)) {
            segments.add(new BarSpec.Segment("gained: less busy time per step", Palette.GAINED, gained));
        }
        for (Part part : Part.values()) {
            double[] lost = values(bars, d -> d.shares().stream().filter(s -> s.part() == part).mapToDouble(s -> Math.max(0, s.value()))
                    .sum());
            if (Arrays.stream(lost).anyMatch(v -> v > 0)) {
                segments.add(new BarSpec.Segment("lost to " + DecompositionWording.name(part), Palette.part(part), lost));
            }
        }
        return new BarSpec(kernel + ": where the speedup goes", "speedup (×), achieved + lost = W", categories, segments);
    }

    private static double[] values(List<Bar> bars, java.util.function.ToDoubleFunction<SpeedupDecomposition> value) {
        return bars.stream().mapToDouble(b -> Math.max(0, value.applyAsDouble(b.decomposition()))).toArray();
    }

    /** The chart, its legend and, per bar, the dominant loss named with its figure; nothing when no bar. */
    static void render(Html html, String kernel, List<KernelSeries> series, String anchor) {
        List<Bar> bars = bars(series);
        if (bars.isEmpty()) {
            return;
        }
        BarSpec spec = chart(kernel, bars);
        html.openWith("div", "class=\"losses\" id=\"" + anchor + "-losses\"");
        html.open("ul", "legend");
        for (BarSpec.Segment segment : spec.segments()) {
            html.open("li", null).raw("<span class=\"swatch\" style=\"background:" + Palette.css(segment.colour()) + "\"></span>")
                    .text(segment.name()).close("li");
        }
        html.close("ul");
        html.openWith("figure", "class=\"chart-box\" id=\"" + anchor + "-losses-chart\"").raw(Charts.svg(spec, anchor + "-losses"));
        html.element("figcaption", null, "Each bar splits W by the pool's accounting, against the same engine's W=1 (paired within"
                + " each fork that measured both): the speedup achieved, and what the rest was lost to, in speedup units.");
        html.close("figure");
        html.open("ul", "dominant-losses");
        for (Bar bar : bars) {
            html.element("li", null, DecompositionWording.dominant(bar.series().name(), bar.decomposition()));
        }
        html.close("ul");
        table(html, bars);
        html.close("div");
    }

    /** Every part of every bar, and how far the accounting is from the samples: the figures behind the chart. */
    private static void table(Html html, List<Bar> bars) {
        html.open("details", "loss-table").element("summary", null, "The parts in figures (speedup units; – where the engine keeps none)");
        html.open("table", "losses").raw("<thead><tr><th>Series</th><th>W</th><th>S measured</th><th>S accounted</th>");
        for (Part part : Part.values()) {
            html.element("th", null, DecompositionWording.name(part));
        }
        html.raw("<th>residual</th><th>forks</th></tr></thead><tbody>");
        for (Bar bar : bars) {
            SpeedupDecomposition d = bar.decomposition();
            html.open("tr", d.addsUp() ? null : "apart").element("td", null, bar.series().name()).element("td", "num", String.valueOf(d.workers()));
            html.element("td", "num", d.measuredSpeedup() == null ? "–" : DecompositionWording.figure(d.measuredSpeedup()));
            html.element("td", "num", DecompositionWording.figure(d.accountedSpeedup()));
            for (Part part : Part.values()) {
                html.element("td", "num", d.shares().stream().filter(s -> s.part() == part).findFirst()
                        .map(s -> DecompositionWording.figure(s.value())).orElse(part == Part.NOT_ATTRIBUTED ? "0.00" : "–"));
            }
            html.element("td", "num", d.residual() == null ? "–" : DecompositionWording.figure(d.residual()));
            html.element("td", "num", d.forks() + (d.paired() ? " paired" : ""));
            html.close("tr");
        }
        html.raw("</tbody>").close("table").close("details");
    }
}
