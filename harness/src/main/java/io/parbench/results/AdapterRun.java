package io.parbench.results;

import io.parbench.statistics.Statistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a byo page found out beyond the samples (bench-wasm/examples/README.md): the threads the
 * page really ran, and the modules it instantiated, for one configuration: a fork's page finds
 * it out for each worker count it measured, and a configuration's forks are summed up by
 * {@link #overForks}. Null fields are unknown or do not apply.
 *
 * @param pageThreads the threads the page ran while measuring: the driver worker and every worker
 *     it started that ran a thread (fewest over the forks)
 * @param adapterThreads what the adapter's optional {@code threads()} said (fewest over the forks)
 * @param cappedAtThreads set when more than one worker was asked for and fewer threads ran: the
 *     lower of the two counts
 * @param asyncStepFloorMicros for a {@code step()} that returns a promise: what awaiting one costs
 *     parbench per step, measured on the page (median over the forks); shown, not subtracted
 * @param modules the WebAssembly modules the page instantiated, with {@code parbench inspect}'s verdict
 */
public record AdapterRun(
        Integer pageThreads,
        Integer adapterThreads,
        Integer cappedAtThreads,
        Double asyncStepFloorMicros,
        List<ModuleVerdict> modules) {

    /** The checksum of an adapter that returns none: such a run is measured, but not verified. */
    public static final String NO_CHECKSUM = "none";

    public AdapterRun {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    /**
     * A module and whether several workers can run it.
     *
     * @param file its path in the adapter's folder
     * @param verdict "threads-ready", or why not; with what else matters (a side module)
     */
    public record ModuleVerdict(String file, boolean threadsReady, String verdict) {}

    /**
     * What the forks of one configuration found, as one: the fewest threads and the lowest cap (a
     * cap shows in any fork), the median await floor and every module once; null when there is none.
     */
    public static AdapterRun overForks(List<AdapterRun> forks) {
        if (forks.isEmpty()) {
            return null;
        }
        Integer threads = forks.stream().map(AdapterRun::pageThreads).filter(Objects::nonNull).min(Integer::compare).orElse(null);
        Integer reported = forks.stream().map(AdapterRun::adapterThreads).filter(Objects::nonNull).min(Integer::compare).orElse(null);
        List<Double> floors = forks.stream().map(AdapterRun::asyncStepFloorMicros).filter(Objects::nonNull).toList();
        Map<String, ModuleVerdict> modules = new LinkedHashMap<>();
        forks.forEach(fork -> fork.modules().forEach(m -> modules.putIfAbsent(m.file(), m)));
        Integer capped = forks.stream().map(AdapterRun::cappedAtThreads).filter(Objects::nonNull).min(Integer::compare).orElse(null);
        return new AdapterRun(threads, reported, capped, floors.isEmpty() ? null : Statistics.median(floors),
                List.copyOf(modules.values()));
    }

    /** The fewer of the counted and the reported threads, when fewer than {@code workers} (and workers > 1). */
    public static Integer cap(int workers, Integer pageThreads, Integer adapterThreads) {
        int fewest = Math.min(pageThreads == null ? Integer.MAX_VALUE : pageThreads,
                adapterThreads == null ? Integer.MAX_VALUE : adapterThreads);
        return workers > 1 && fewest < workers ? fewest : null;
    }
}
