package io.parbench.plan;

import io.parbench.kernels.KernelSpec;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the user's choices into a {@link Plan}. Configurations are ordered kernel → size → engine →
 * variant → workers, so an interrupted run has whole series for the kernels it finished.
 */
public final class PlanBuilder {

    private PlanBuilder() {}

    /**
     * @param variants for each engine, its implementation variants of a kernel (null = the project's own)
     * @param sizes "" for the profile's sizes, else a size for every kernel ({@code 4096}) or per kernel
     *     ({@code nbody=1024,sort=65536}; kernels not named keep the profile's size)
     */
    public static Plan build(
            Profile profile,
            List<String> engines,
            Map<String, Function<String, List<String>>> variants,
            List<KernelSpec> kernels,
            String sizes,
            List<Integer> workers,
            MeasurementSettings settings,
            long seed) {
        Map<KernelSpec, Long> sizeOf = sizes(profile, kernels, sizes);
        List<Configuration> configurations = new ArrayList<>();
        for (KernelSpec kernel : kernels) {
            for (String engine : engines) {
                for (String variant : variants.get(engine).apply(kernel.id())) {
                    for (int w : workers) {
                        configurations.add(new Configuration(engine, kernel.id(), variant, sizeOf.get(kernel), w));
                    }
                }
            }
        }
        return new Plan(configurations, settings, seed, profile.id());
    }

    /** Parses --kernels: "all" or a comma-separated list of kernel names. */
    public static List<KernelSpec> kernels(String expression) {
        if (expression.trim().equals("all")) return List.of(KernelSpec.values());
        List<KernelSpec> kernels = new ArrayList<>();
        for (String name : expression.split(",")) {
            KernelSpec k = KernelSpec.byId(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown kernel '" + name.trim() + "'; the kernels are " + Arrays.stream(KernelSpec.values())
                            .map(KernelSpec::id).collect(Collectors.joining(", ")) + " (or 'all')."));
            if (!kernels.contains(k)) kernels.add(k);
        }
        return kernels;
    }

    private static Map<KernelSpec, Long> sizes(Profile profile, List<KernelSpec> kernels, String expression) {
        Map<KernelSpec, Long> sizeOf = new LinkedHashMap<>();
        kernels.forEach(k -> sizeOf.put(k, profile.size(k)));
        if (expression == null || expression.isBlank()) return sizeOf;
        for (String part : expression.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 1) {
                long size = size(kv[0], expression);
                kernels.forEach(k -> sizeOf.put(k, size));
            } else {
                KernelSpec k = kernels(kv[0]).getFirst();
                if (sizeOf.containsKey(k)) sizeOf.put(k, size(kv[1], expression));
            }
        }
        return sizeOf;
    }

    private static long size(String s, String expression) {
        try {
            long size = Long.parseLong(s.trim().replace("_", ""));
            if (size >= 1) return size;
        } catch (NumberFormatException ignored) {
            // reported below with the whole expression
        }
        throw new IllegalArgumentException("Bad --sizes '" + expression + "': '" + s.trim()
                + "' is not a size ≥ 1. Use one size for all kernels (65536) or kernel=size pairs (nbody=1024,sort=65536).");
    }
}
