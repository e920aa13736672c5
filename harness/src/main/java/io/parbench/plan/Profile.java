package io.parbench.plan;

import io.parbench.kernels.KernelSpec;
import io.parbench.results.MeasurementSettings;
import io.parbench.text.Choices;
import java.util.Locale;

/**
 * A named set of defaults: kernel sizes, how long to measure, and which worker counts.
 * {@code quick} is for smoke runs and CI (under a minute per engine), {@code default} for a real
 * sweep (about a minute per engine on 2 cores, more worker counts with more cores), {@code full} for
 * large inputs and more samples.
 */
public enum Profile {
    QUICK(KernelSpec.Profile.QUICK, new MeasurementSettings(1, 1, 3, 100), "quick"),
    DEFAULT(KernelSpec.Profile.DEFAULT, new MeasurementSettings(2, 2, 4, 100), "auto"),
    FULL(KernelSpec.Profile.FULL, new MeasurementSettings(3, 5, 8, 500), "auto");

    private final KernelSpec.Profile sizes;
    private final MeasurementSettings settings;
    private final String workers;

    Profile(KernelSpec.Profile sizes, MeasurementSettings settings, String workers) {
        this.sizes = sizes;
        this.settings = settings;
        this.workers = workers;
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

    /** The worker-count expression used when --workers is not given (see {@link WorkerCounts}). */
    public String workers() {
        return workers;
    }

    public static Profile parse(String id) {
        return Choices.parse("profile", values(), Profile::id, id);
    }
}
