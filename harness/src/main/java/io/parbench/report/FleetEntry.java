package io.parbench.report;

import io.parbench.analysis.ScalingPoint;
import io.parbench.analysis.SeriesAnalysis;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One machine and browser (or engine) measuring one kernel, as the fleet view lists it: its
 * speedup curve and its efficiency at the machine's full core count.
 */
record FleetEntry(ReportedRun run, SeriesAnalysis series) {

    /** Every series of a kernel with speedups, over the documents, in document order. */
    static List<FleetEntry> of(List<ReportedRun> runs, String kernel) {
        List<FleetEntry> entries = new ArrayList<>();
        for (ReportedRun run : runs) {
            run.analysis().series().stream()
                    .filter(s -> s.key().kernel().equals(kernel) && !KernelCharts.withSpeedup(s).isEmpty())
                    .sorted(Comparator.comparing(s -> s.key().engine(), Palette.ENGINE_ORDER))
                    .forEach(s -> entries.add(new FleetEntry(run, s)));
        }
        return entries;
    }

    /** The machine: host, what it runs on and its cores, e.g. {@code mac-mini (MacIntel, 10 cores)}. */
    String machine() {
        Environment e = run.document().environment();
        return e.hostname() + " (" + e.arch() + ", " + e.logicalCores() + " cores)";
    }

    /**
     * The engine, with its browser and version where it is one (the browser's name too where the
     * engine is not named after it: {@code byo (firefox 153.0)}), and the implementation variant.
     */
    String browser() {
        String engine = series.key().engine();
        EngineFacts facts = run.document().environment().engines().get(engine);
        String version = facts != null && facts.browser() != null ? facts.browser().version() : null;
        String name = KernelSeries.browser(run, engine)
                .map(browser -> engine + " (" + browser + (version == null ? "" : " " + version) + ")")
                .orElse(version == null ? engine : engine + " " + version);
        return series.key().variant() == null ? name : name + " (" + series.key().variant() + ")";
    }

    /** Machine and browser, as the charts' legend names them. */
    String name() {
        return machine() + " · " + browser();
    }

    int cores() {
        return run.document().environment().logicalCores();
    }

    /** Of the points with a speedup, the one at the machine's full cores ({@link KernelCharts#atFullCores}). */
    Optional<ScalingPoint> atFullCores() {
        return KernelCharts.atFullCores(KernelCharts.withSpeedup(series), cores());
    }

    /** The efficiency at full cores, for sorting: those without one last. */
    double efficiencyForSorting() {
        return atFullCores().map(p -> p.speedup() / p.workers()).orElse(Double.MAX_VALUE);
    }
}
