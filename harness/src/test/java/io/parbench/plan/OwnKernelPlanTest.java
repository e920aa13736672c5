package io.parbench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.OwnKernel;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Engines that bring their own kernel (byo) next to engines that run the built-in suite. */
class OwnKernelPlanTest {

    private static final MeasurementSettings SETTINGS = new MeasurementSettings(1, 1, 3, 100);
    private static final Function<String, List<String>> OWN_ONLY = k -> Arrays.asList((String) null);
    private static final Map<String, Function<String, List<String>>> VARIANTS = Map.of(
            "native", OWN_ONLY, "byo", k -> List.of("kernel=sort"));
    private static final Map<String, OwnKernel> BYO = Map.of("byo", new OwnKernel("my-kernel", 5000));

    @Test
    void theOwnKernelFollowsTheBuiltInOnesWithItsDefaultSizeAndVariants() {
        Plan plan = PlanBuilder.build(Profile.QUICK, List.of("byo", "native"), VARIANTS, List.of(KernelSpec.NBODY), BYO, "",
                List.of(1, 2), SETTINGS, 42);
        assertEquals(List.of(
                new Configuration("native", "nbody", null, 512, 1),
                new Configuration("native", "nbody", null, 512, 2),
                new Configuration("byo", "my-kernel", "kernel=sort", 5000, 1),
                new Configuration("byo", "my-kernel", "kernel=sort", 5000, 2)), plan.configurations());
    }

    @Test
    void sizesApplyToTheOwnKernelForAllOrByItsName() {
        Plan all = PlanBuilder.build(Profile.QUICK, List.of("byo"), VARIANTS, List.of(KernelSpec.NBODY), BYO, "300",
                List.of(1), SETTINGS, 42);
        assertEquals(List.of(300L), all.configurations().stream().map(Configuration::size).toList());

        Plan named = PlanBuilder.build(Profile.QUICK, List.of("byo", "native"), VARIANTS, List.of(KernelSpec.NBODY), BYO,
                "my-kernel=77,nbody=64", List.of(1), SETTINGS, 42);
        assertEquals(List.of(64L, 77L), named.configurations().stream().map(Configuration::size).toList());

        var unknown = assertThrows(IllegalArgumentException.class, () -> PlanBuilder.build(Profile.QUICK, List.of("byo"),
                VARIANTS, List.of(KernelSpec.NBODY), BYO, "their-kernel=5", List.of(1), SETTINGS, 42));
        assertTrue(unknown.getMessage().contains("Unknown kernel 'their-kernel'"), unknown.getMessage());
    }
}
