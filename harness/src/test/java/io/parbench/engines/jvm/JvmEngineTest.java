package io.parbench.engines.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Block;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.SingleConfiguration;
import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.plan.BlockOrder;
import io.parbench.results.ComparisonSide;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Real JMH forks (a forked JVM each), so only a few of them. */
class JvmEngineTest {
    private static final long SEED = 42;
    private static final MeasurementSettings TINY = new MeasurementSettings(1, 1, 2, 100);

    @Test
    void isAvailableAndOffersTheJdkSortOnlyForSort() throws Exception {
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofMinutes(1))) {
            EngineFacts facts = engine.probe();
            assertTrue(facts.available());
            assertEquals("jvm", facts.engine());
            assertEquals(Runtime.version().toString(), facts.facts().get("java"));
            assertEquals(Arrays.asList(null, "jdk"), engine.variants("sort"));
            assertEquals(Arrays.asList((String) null), engine.variants("sum"));
            assertEquals(Arrays.asList((String) null), engine.variants("someone-elses-kernel"));
        }
    }

    @Test
    void measuresAConfigurationWithTheReferenceChecksum() throws Exception {
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofMinutes(2))) {
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("jvm", "sort", "jdk", 5000, 2), TINY);
            assertEquals(Status.OK, m.status(), m.reason());
            assertEquals(1, m.samples().size());
            assertEquals(2, m.samples().getFirst().size());
            assertTrue(m.samples().getFirst().stream().allMatch(s -> s > 0), m.samples().toString());
            assertEquals(ChecksumText.of(ReferenceChecksums.of(KernelSpec.SORT, 5000, SEED)), m.checksum());
        }
    }

    /** One JVM measures the whole curve: every block in the plan's order, every worker count with the reference checksum. */
    @Test
    void aForkMeasuresTheWholeCurveInItsOrder() throws Exception {
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofMinutes(2))) {
            assertTrue(engine.measuresCurves());
            ForkPlan curve = new ForkPlan(new SeriesKey("jvm", "nbody", null, 300),
                    BlockOrder.balanced(List.of(ComparisonSide.CURRENT), List.of(1, 2, 3), 2, new Random(7)), TINY);
            ForkMeasurement m = engine.measure(curve);
            assertEquals(Status.OK, m.status(), m.reason());
            assertEquals(curve.order(), m.blocks().stream().map(ForkMeasurement.MeasuredBlock::block).toList());
            assertTrue(m.blocks().stream().allMatch(b -> b.stepsPerSecond() > 0), m.blocks()::toString);
            String reference = ChecksumText.of(ReferenceChecksums.of(KernelSpec.NBODY, 300, SEED));
            assertEquals(Map.of(Block.of(1), reference, Block.of(2), reference, Block.of(3), reference), m.checksums());
            ForkPlan sideA = new ForkPlan(curve.series(), List.of(new Block(ComparisonSide.BASELINE, 1)), TINY);
            assertThrows(IllegalArgumentException.class, () -> engine.measure(sideA));
        }
    }

    @Test
    void aConfigurationTheForkRejectsFailsWithTheForksReason() throws Exception {
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofMinutes(2))) {
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("jvm", "mandelbrot", null, 100_000, 1), TINY);
            assertEquals(Status.FAILED, m.status());
            assertEquals("size 100000 of kernel mandelbrot needs an array of 10000000000 elements, more than a Java"
                    + " array holds (2147483639): use a smaller size.", m.reason());
            assertNull(m.checksum());
        }
    }

    @Test
    void kernelsAndVariantsItDoesNotHaveFailWithoutForking() throws Exception {
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofMinutes(1))) {
            SingleConfiguration.Result unknown = SingleConfiguration.measure(engine, new Configuration("jvm", "fft", null, 10, 1), TINY);
            assertEquals(Status.FAILED, unknown.status());
            assertEquals("the jvm engine runs the built-in kernels (" + KernelSpec.NAMES + "), not 'fft'.", unknown.reason());
            SingleConfiguration.Result variant = SingleConfiguration.measure(engine, new Configuration("jvm", "sum", "jdk", 10, 1), TINY);
            assertEquals("the jvm engine has no variant 'jdk' of sum.", variant.reason());
            assertThrows(IllegalArgumentException.class,
                    () -> SingleConfiguration.measure(engine, new Configuration("native", "sum", null, 10, 1), TINY));
        }
    }

    @Test
    void aHangingForkIsStoppedAfterItsOwnTimeoutAndTheAutomaticTimeoutIsPerFork() throws Exception {
        // Two forks of one minute-long iteration, five seconds per fork: the engine hands its timeout to
        // each fork (JmhLauncherTest checks that each fork is timed from its own start).
        MeasurementSettings minuteLong = new MeasurementSettings(2, 0, 1, 60_000);
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofSeconds(5))) {
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("jvm", "forkjoin", null, 1024, 1), minuteLong);
            assertEquals(Status.FAILED, m.status());
            assertTrue(m.reason().startsWith("a fork did not finish within its timeout of 5 s"), m.reason());
        }
        try (JvmEngine automatic = new JvmEngine(SEED, null)) {
            // A minute to start a fork, plus three times its planned 1.3 s of start-up, 60 s of warm-up and 60 s measured;
            // the same for any number of forks.
            for (int forks : new int[] {2, 5}) {
                MeasurementSettings settings = new MeasurementSettings(forks, 1, 1, 60_000);
                ForkPlan fork = new ForkPlan(new SeriesKey("jvm", "forkjoin", null, 1024), List.of(Block.of(1)), settings);
                assertEquals(Duration.ofMillis(60_000 + 3 * 121_300), automatic.timeoutFor(fork));
            }
        }
    }
}
