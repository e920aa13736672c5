package io.parbench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Block;
import io.parbench.engines.ForkPlan;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

    private static final MeasurementSettings SETTINGS = new MeasurementSettings(2, 1, 5, 100);
    private static final Function<String, List<String>> OWN_ONLY = k -> Arrays.asList((String) null);

    @Test
    void everyKernelEngineVariantAndWorkerCountInKernelMajorOrder() {
        Map<String, Function<String, List<String>>> variants = Map.of(
                "native", OWN_ONLY,
                "jvm", k -> k.equals("sort") ? Arrays.asList(null, "jdk") : Arrays.asList((String) null));
        Plan plan = PlanBuilder.build(Profile.QUICK, List.of("native", "jvm"), variants,
                List.of(KernelSpec.SORT, KernelSpec.NBODY), "", List.of(1, 2), SETTINGS, 7);

        assertEquals(List.of(
                new Configuration("native", "sort", null, 1 << 18, 1),
                new Configuration("native", "sort", null, 1 << 18, 2),
                new Configuration("jvm", "sort", null, 1 << 18, 1),
                new Configuration("jvm", "sort", null, 1 << 18, 2),
                new Configuration("jvm", "sort", "jdk", 1 << 18, 1),
                new Configuration("jvm", "sort", "jdk", 1 << 18, 2),
                new Configuration("native", "nbody", null, 512, 1),
                new Configuration("native", "nbody", null, 512, 2),
                new Configuration("jvm", "nbody", null, 512, 1),
                new Configuration("jvm", "nbody", null, 512, 2)), plan.configurations());
        assertEquals(7, plan.seed());
        assertEquals("quick", plan.profile());
    }

    @Test
    void sizesOverrideTheProfileForAllKernelsOrByName() {
        List<KernelSpec> kernels = List.of(KernelSpec.SUM, KernelSpec.NBODY);
        Plan one = PlanBuilder.build(Profile.DEFAULT, List.of("native"), Map.of("native", OWN_ONLY), kernels, "1000",
                List.of(1), SETTINGS, 42);
        assertEquals(List.of(1000L, 1000L), one.configurations().stream().map(Configuration::size).toList());

        Plan named = PlanBuilder.build(Profile.DEFAULT, List.of("native"), Map.of("native", OWN_ONLY), kernels, "nbody=300",
                List.of(1), SETTINGS, 42);
        assertEquals(List.of(1L << 24, 300L), named.configurations().stream().map(Configuration::size).toList());
    }

    @Test
    void allIsTheDefaultSweepAndTheCalibrationKernelsRunWhenNamed() {
        List<KernelSpec> all = PlanBuilder.kernels("all");
        assertEquals(List.of("sum", "histogram", "axpy", "nbody", "mandelbrot", "sort", "forkjoin", "scan"),
                all.stream().map(KernelSpec::id).toList());
        assertEquals(List.of(KernelSpec.SERIAL, KernelSpec.IMBALANCED), PlanBuilder.kernels("serial,imbalanced"));
    }

    @Test
    void badKernelsAndSizesAreExplained() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> PlanBuilder.kernels("sum,fft"));
        assertTrue(unknown.getMessage().contains("Unknown kernel 'fft'; the kernels are sum, histogram"), unknown.getMessage());

        var zero = assertThrows(IllegalArgumentException.class, () -> PlanBuilder.build(Profile.QUICK, List.of("native"),
                Map.of("native", OWN_ONLY), List.of(KernelSpec.SUM), "0", List.of(1), SETTINGS, 42));
        assertTrue(zero.getMessage().contains("'0' is not a size ≥ 1"), zero.getMessage());
    }

    @Test
    void theEstimateCountsEveryForksSetUpAndBlocks() {
        Plan plan = PlanBuilder.build(Profile.QUICK, List.of("native", "chromium"),
                Map.of("native", OWN_ONLY, "chromium", OWN_ONLY), List.of(KernelSpec.SUM), "", List.of(1, 2, 4), SETTINGS, 42);
        Map<String, Duration> setUp = Map.of("native", Duration.ofSeconds(1), "chromium", Duration.ofSeconds(2));
        // native, one worker count per fork: 3 × 2 forks × (1 s + 5 × 100 ms);
        // chromium, a curve per fork: 2 forks × (2 s + 3 × 5 × 100 ms)
        List<ForkPlan> forks = plan.forks(engine -> engine.equals("chromium"));
        assertEquals(3 * 2 * 1500 + 2 * 3500, Plan.estimate(forks, fork -> setUp.get(fork.series().engine())).toMillis());
    }

    @Test
    void forksGoRoundByRoundAndACurvePerForkVisitsEveryWorkerCountOncePerPassInABalancedOrder() {
        Plan plan = PlanBuilder.build(Profile.QUICK, List.of("chromium"), Map.of("chromium", OWN_ONLY),
                List.of(KernelSpec.SUM, KernelSpec.NBODY), "", List.of(1, 2, 4), SETTINGS, 42);
        List<ForkPlan> forks = plan.forks(engine -> true);
        assertEquals(List.of("sum", "nbody", "sum", "nbody"), forks.stream().map(f -> f.series().kernel()).toList(), "fork 1 of each, then fork 2");
        for (ForkPlan fork : forks) {
            assertEquals(List.of(1, 2, 4), fork.workers());
            assertEquals(15, fork.order().size());
            List<Integer> first = fork.order().subList(0, 3).stream().map(Block::workers).toList();
            List<Integer> second = fork.order().subList(3, 6).stream().map(Block::workers).toList();
            assertEquals(first, second.reversed(), "every second pass runs the first one backwards: " + fork.order());
        }
        assertEquals(forks, plan.forks(engine -> true), "drawn from the seed: the same plan gives the same order");
    }
}
