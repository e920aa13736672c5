package io.parbench.plan;

import io.parbench.kernels.KernelSpec;
import io.parbench.results.MeasurementSettings;
import io.parbench.text.Choices;
import java.util.List;
import java.util.Locale;

/**
 * A named set of defaults: which kernels, their sizes, how long to measure, and which worker counts.
 * {@code quick} is for a look in about a minute with every engine on 2 cores (smoke runs, CI), {@code default}
 * for a real sweep (about a minute per engine on 2 cores, more worker counts with more cores),
 * {@code full} for large inputs and more samples.
 */
public enum Profile {
    // quick measures one kernel of each kind the report reads: a reduction (sum), a compute-bound map
    // (nbody), the sort, and what a parallel region costs (forkjoin), from which the report tells
    // where the speedup goes. All eight took 1m39s with every engine on 2 cores (41 forks: a page
    // is ~2.5 s, a JMH fork ~1.4 s, and ~13 s go to launching and probing the browsers).
    QUICK(KernelSpec.Profile.QUICK, new MeasurementSettings(1, 1, 3, 100), "quick",
            List.of(KernelSpec.SUM, KernelSpec.NBODY, KernelSpec.SORT, KernelSpec.FORKJOIN)),
    DEFAULT(KernelSpec.Profile.DEFAULT, new MeasurementSettings(2, 2, 4, 100), "auto", KernelSpec.sweep()),
    FULL(KernelSpec.Profile.FULL, new MeasurementSettings(3, 5, 8, 500), "auto", KernelSpec.sweep());

    private final KernelSpec.Profile sizes;
    private final MeasurementSettings settings;
    private final String workers;
    private final List<KernelSpec> kernels;

    Profile(KernelSpec.Profile sizes, MeasurementSettings settings, String workers, List<KernelSpec> kernels) {
        this.sizes = sizes;
        this.settings = settings;
        this.workers = workers;
        this.kernels = kernels;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public long size(KernelSpec kernel) {
        return kernel.defaultSize(sizes);
    }

    public MeasurementSettings settings() {
        return settings;
    }

    /** The kernels measured when --kernels is not given. */
    public List<KernelSpec> kernels() {
        return kernels;
    }

    /** The worker-count expression used when --workers is not given (see {@link WorkerCounts}). */
    public String workers() {
        return workers;
    }

    public static Profile parse(String id) {
        return Choices.parse("profile", values(), Profile::id, id);
    }
}
