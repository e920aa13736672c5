package io.parbench.engines.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Measurement;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Real JMH runs (a forked JVM each), so only two of them. */
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
            Measurement m = engine.measure(new Configuration("jvm", "sort", "jdk", 5000, 2), TINY);
            assertEquals(Status.OK, m.status(), m.reason());
            assertEquals(1, m.samples().size());
            assertEquals(2, m.samples().getFirst().size());
            assertTrue(m.samples().getFirst().stream().allMatch(s -> s > 0), m.samples().toString());
            assertEquals(String.format("%016x", ReferenceChecksums.of(KernelSpec.SORT, 5000, SEED)), m.checksum());
        }
    }

    @Test
    void aConfigurationTheForkRejectsFailsWithTheForksReason() throws Exception {
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofMinutes(2))) {
            Measurement m = engine.measure(new Configuration("jvm", "mandelbrot", null, 100_000, 1), TINY);
            assertEquals(Status.FAILED, m.status());
            assertEquals("size 100000 of kernel mandelbrot needs an array of 10000000000 elements, more than a Java"
                    + " array holds (2147483639): use a smaller size.", m.reason());
            assertNull(m.checksum());
        }
    }

    @Test
    void kernelsAndVariantsItDoesNotHaveFailWithoutForking() throws Exception {
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofMinutes(1))) {
            Measurement unknown = engine.measure(new Configuration("jvm", "fft", null, 10, 1), TINY);
            assertEquals(Status.FAILED, unknown.status());
            assertEquals("the jvm engine runs the built-in kernels (sum, histogram, axpy, nbody, mandelbrot, sort,"
                    + " forkjoin), not 'fft'.", unknown.reason());
            Measurement variant = engine.measure(new Configuration("jvm", "sum", "jdk", 10, 1), TINY);
            assertEquals("the jvm engine has no variant 'jdk' of sum.", variant.reason());
            assertThrows(IllegalArgumentException.class,
                    () -> engine.measure(new Configuration("native", "sum", null, 10, 1), TINY));
        }
    }

    @Test
    void aHangingForkIsStoppedAfterItsOwnTimeoutAndTheAutomaticTimeoutIsPerFork() throws Exception {
        // Two forks of one minute-long iteration, five seconds per fork: the engine hands its timeout to
        // each fork (JmhLauncherTest checks that each fork is timed from its own start).
        MeasurementSettings minuteLong = new MeasurementSettings(2, 0, 1, 60_000);
        try (JvmEngine engine = new JvmEngine(SEED, Duration.ofSeconds(5))) {
            Measurement m = engine.measure(new Configuration("jvm", "forkjoin", null, 1024, 1), minuteLong);
            assertEquals(Status.FAILED, m.status());
            assertTrue(m.reason().startsWith("a fork did not finish within its timeout of 5 s"), m.reason());
        }
        try (JvmEngine automatic = new JvmEngine(SEED, null)) {
            // A minute to start a fork, plus three times its planned 2 × 60 s; the same for any number of forks.
            assertEquals(Duration.ofSeconds(60 + 3 * 120), automatic.forkTimeoutFor(new MeasurementSettings(2, 1, 1, 60_000)));
            assertEquals(Duration.ofSeconds(60 + 3 * 120), automatic.forkTimeoutFor(new MeasurementSettings(5, 1, 1, 60_000)));
        }
    }
}
