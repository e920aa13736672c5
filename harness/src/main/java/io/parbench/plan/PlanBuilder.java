package io.parbench.plan;

import io.parbench.engines.OwnKernel;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        return build(profile, engines, variants, kernels, Map.of(), sizes, workers, settings, seed);
    }

    /**
     * As above, with engines that bring their own kernel (byo): they measure only that kernel,
     * after the built-in ones, at its default size unless --sizes sets one for all kernels or
     * names it ({@code my-kernel=4096}).
     *
     * @param ownKernels engine name → the kernel it brings
     */
    public static Plan build(
            Profile profile,
            List<String> engines,
            Map<String, Function<String, List<String>>> variants,
            List<KernelSpec> kernels,
            Map<String, OwnKernel> ownKernels,
            String sizes,
            List<Integer> workers,
            MeasurementSettings settings,
            long seed) {
        Map<String, Long> sizeOf = sizes(profile, kernels, ownKernels.values(), sizes);
        List<Configuration> configurations = new ArrayList<>();
        for (KernelSpec kernel : kernels) {
            for (String engine : engines) {
                if (!ownKernels.containsKey(engine)) {
                    add(configurations, engine, kernel.id(), variants.get(engine), sizeOf.get(kernel.id()), workers);
                }
            }
        }
        for (String engine : engines) {
            OwnKernel own = ownKernels.get(engine);
            if (own != null) {
                add(configurations, engine, own.name(), variants.get(engine), sizeOf.get(own.name()), workers);
            }
        }
        return new Plan(configurations, settings, seed, profile.id());
    }

    private static void add(List<Configuration> configurations, String engine, String kernel,
            Function<String, List<String>> variants, long size, List<Integer> workers) {
        for (String variant : variants.apply(kernel)) {
            for (int w : workers) {
                configurations.add(new Configuration(engine, kernel, variant, size, w));
            }
        }
    }

    /** Parses --kernels: "all" (the default sweep: no calibration kernel) or a comma-separated list of kernel names. */
    public static List<KernelSpec> kernels(String expression) {
        if (expression.trim().equals("all")) return KernelSpec.sweep();
        List<KernelSpec> kernels = new ArrayList<>();
        for (String name : expression.split(",")) {
            KernelSpec k = KernelSpec.byId(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown kernel '" + name.trim() + "'; the kernels are " + KernelSpec.NAMES + " (or 'all')."));
            if (!kernels.contains(k)) kernels.add(k);
        }
        return kernels;
    }

    /**
     * Checks every size in a --sizes expression, whichever kernels are selected, before anything
     * is started (kernel names are checked when the plan is built, once byo's kernel is known).
     */
    public static void checkSizes(String expression) {
        if (expression == null || expression.isBlank()) return;
        for (String part : expression.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].isBlank()) {
                throw new IllegalArgumentException("Bad --sizes '" + expression + "': '" + part.trim() + "' names no kernel. Use one size"
                        + " for all kernels (65536) or kernel=size pairs (nbody=1024,sort=65536).");
            }
            size(kv[kv.length - 1], expression);
        }
    }

    private static Map<String, Long> sizes(Profile profile, List<KernelSpec> kernels, Collection<OwnKernel> own, String expression) {
        Map<String, Long> sizeOf = new LinkedHashMap<>();
        kernels.forEach(k -> sizeOf.put(k.id(), profile.size(k)));
        own.forEach(k -> sizeOf.putIfAbsent(k.name(), k.defaultSize()));
        if (expression == null || expression.isBlank()) return sizeOf;
        for (String part : expression.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 1) {
                long size = size(kv[0], expression);
                sizeOf.replaceAll((k, old) -> size);
            } else {
                String name = kv[0].trim();
                boolean ownName = own.stream().anyMatch(k -> k.name().equals(name));
                String kernel = ownName ? name : kernels(name).getFirst().id();
                if (sizeOf.containsKey(kernel)) sizeOf.put(kernel, size(kv[1], expression));
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
