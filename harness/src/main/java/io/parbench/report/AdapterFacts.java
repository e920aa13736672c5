package io.parbench.report;

import io.parbench.results.AdapterRun;
import io.parbench.results.AdapterRun.ModuleVerdict;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.Status;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a byo series' pages found out, under its kernel's table: what one step is, the checksum and
 * whether it was verified, the threads the pages ran (and where fewer than asked: capped), what
 * awaiting an asynchronous step costs, and the verdict on each module the pages instantiated.
 */
final class AdapterFacts {

    private AdapterFacts() {}

    static void render(Html html, List<KernelSeries> series) {
        for (KernelSeries s : series) {
            List<ConfigurationResult> measured = s.results().stream().filter(r -> r.adapter() != null).toList();
            if (measured.isEmpty()) {
                continue;
            }
            html.open("ul", "adapter-facts");
            html.open("li", null).element("strong", null, s.label()).text(": one step is one " + singular(s.unit()) + ". "
                    + checksum(s.results())).close("li");
            html.element("li", null, threads(measured));
            floor(s, measured).ifPresent(text -> html.element("li", null, text));
            html.element("li", null, modules(measured));
            html.close("ul");
        }
    }

    private static String singular(String plural) {
        return plural.substring(0, plural.length() - 1);
    }

    /** The checksum and whether the run verified it. */
    static String checksum(List<ConfigurationResult> results) {
        List<String> checksums = results.stream().map(ConfigurationResult::checksum).filter(Objects::nonNull).distinct().toList();
        if (checksums.equals(List.of(AdapterRun.NO_CHECKSUM))) {
            return "Checksum: none (the adapter returns none), so these results are not verified.";
        }
        if (checksums.isEmpty()) {
            return "Checksum: none computed (every configuration failed).";
        }
        String expected = results.stream().map(ConfigurationResult::expectedChecksum).filter(Objects::nonNull).findFirst().orElse(null);
        boolean allOk = results.stream().allMatch(r -> r.status() != Status.FAILED);
        if (checksums.size() == 1 && allOk) {
            return "Checksum " + checksums.getFirst() + ", the same at every worker count and fork: verified.";
        }
        return "Checksums " + String.join(", ", checksums) + (expected == null ? "" : " (expected " + expected + ")")
                + ": not all the same, so the configurations that differ failed.";
    }

    /** "Threads the page ran: W=1: 1, W=2: 2, W=4: 2 (capped at 2); threads() said 1, 2, 2." */
    static String threads(List<ConfigurationResult> measured) {
        List<String> counted = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        for (ConfigurationResult r : measured) {
            AdapterRun a = r.adapter();
            String at = "W=" + r.configuration().workers() + ": ";
            if (a.pageThreads() != null) {
                counted.add(at + a.pageThreads() + (a.cappedAtThreads() == null ? "" : " (capped at " + a.cappedAtThreads() + ")"));
            }
            if (a.adapterThreads() != null) {
                reported.add(at + a.adapterThreads());
            }
        }
        return "Threads the page ran (the driver and every worker it started that ran a thread): "
                + (counted.isEmpty() ? "not counted" : String.join(", ", counted))
                + (reported.isEmpty() ? "; the adapter has no threads()." : "; its threads() said " + String.join(", ", reported) + ".");
    }

    /** For an asynchronous step: what awaiting costs per step, against the time of a step. */
    private static java.util.Optional<String> floor(KernelSeries s, List<ConfigurationResult> measured) {
        Map<Integer, Double> floors = new LinkedHashMap<>();
        measured.stream().filter(r -> r.adapter().asyncStepFloorMicros() != null)
                .forEach(r -> floors.put(r.configuration().workers(), r.adapter().asyncStepFloorMicros()));
        if (floors.isEmpty()) {
            return java.util.Optional.empty();
        }
        double worst = floors.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        Double share = s.analysis() == null ? null : s.analysis().points().stream()
                .filter(p -> floors.containsKey(p.workers()) && p.throughput().mean() > 0)
                .map(p -> floors.get(p.workers()) * 1e-6 * p.throughput().mean())
                .max(Double::compare).orElse(null);
        return java.util.Optional.of("step() returns a promise: awaiting one costs parbench "
                + Format.significant(worst) + " µs per step" + (share == null ? "" : ", " + shareOfStep(share) + " of a step")
                + " (measured on the page with an empty async step; included in the figures, not subtracted).");
    }

    /** Percentages print to 0.01%: below that, "under 0.01%" rather than a misleading "0.00%". */
    private static String shareOfStep(double share) {
        return share < 1e-4 ? "under " + Format.percent(1e-4) : "at most " + Format.percent(share);
    }

    private static String modules(List<ConfigurationResult> measured) {
        List<ModuleVerdict> modules = measured.stream().flatMap(r -> r.adapter().modules().stream()).distinct().toList();
        if (modules.isEmpty()) {
            return "Modules: the pages instantiated none that parbench could name (bytes of unknown origin).";
        }
        return "Modules (parbench inspect): " + modules.stream().map(m -> m.file() + " is " + m.verdict())
                .collect(Collectors.joining("; ")) + ".";
    }
}
