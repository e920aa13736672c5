package io.parbench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Throughput ratios between engines that ran the same kernel, variant, size and worker count,
 * each against a baseline: "native" where it was measured, otherwise "jvm".
 *
 * <p>Only regular points count (a fallback point ran single-threaded whatever its worker count
 * says). A pair is left out when the baseline's mean throughput is 0 or its bootstrap interval is
 * unbounded: a ratio without a finite value or interval would say nothing.
 */
public final class EngineRatios {

    /** Baselines in order of preference. */
    public static final List<String> BASELINES = List.of("native", "jvm");

    private record Cell(String kernel, String variant, long size, int workers) {}

    private static final Comparator<Cell> CELL_ORDER = Comparator.comparing(Cell::kernel)
            .thenComparing(Cell::variant, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Cell::size)
            .thenComparingInt(Cell::workers);

    private EngineRatios() {}

    static List<EngineRatio> compute(List<MeasuredPoint> points) {
        Map<Cell, Map<String, MeasuredPoint>> cells = points.stream()
                .filter(p -> !p.fallback())
                .collect(Collectors.groupingBy(
                        EngineRatios::cell,
                        () -> new TreeMap<>(CELL_ORDER),
                        Collectors.toMap(p -> p.series().engine(), p -> p, (a, b) -> a, TreeMap::new)));
        List<EngineRatio> ratios = new ArrayList<>();
        cells.forEach((cell, byEngine) -> {
            String baseline = BASELINES.stream().filter(byEngine::containsKey).findFirst().orElse(null);
            if (baseline == null || byEngine.get(baseline).mean() == 0) {
                return;
            }
            MeasuredPoint base = byEngine.get(baseline);
            byEngine.forEach((engine, point) -> {
                if (!engine.equals(baseline)) {
                    ratio(cell, point, base).ifPresent(ratios::add);
                }
            });
        });
        return ratios;
    }

    private static Optional<EngineRatio> ratio(Cell cell, MeasuredPoint point, MeasuredPoint base) {
        String engine = point.series().engine();
        String baseline = base.series().engine();
        Bootstrap.Interval interval = Bootstrap.ratioInterval(point.resampledMeans(), base.resampledMeans());
        if (interval == null) {
            return Optional.empty();
        }
        return Optional.of(new EngineRatio(
                cell.kernel(), cell.variant(), cell.size(), cell.workers(), engine, baseline,
                point.mean() / base.mean(), interval.low(), interval.high()));
    }

    private static Cell cell(MeasuredPoint p) {
        return new Cell(p.series().kernel(), p.series().variant(), p.series().size(), p.workers());
    }
}
