package io.parbench.engines.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Measurement;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The real library through a real JMH fork. */
class NativeEngineTest {
    private static final long SEED = 42;

    @Test
    void isAvailableWithTheLibraryItLoaded() throws Exception {
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofMinutes(1))) {
            EngineFacts facts = engine.probe();
            assertTrue(facts.available(), facts.reason());
            assertTrue(Files.isRegularFile(Path.of(facts.facts().get("library"))));
            assertEquals("1", facts.facts().get("abi"));
            assertEquals(Arrays.asList((String) null), engine.variants("sort"));
        }
    }

    @Test
    void measuresAConfigurationWithTheReferenceChecksum() throws Exception {
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofMinutes(2))) {
            Measurement m = engine.measure(new Configuration("native", "nbody", null, 300, 2),
                    new MeasurementSettings(1, 1, 2, 100));
            assertEquals(Status.OK, m.status(), m.reason());
            assertEquals(2, m.samples().getFirst().size());
            assertTrue(m.samples().getFirst().stream().allMatch(s -> s > 0), m.samples().toString());
            assertEquals(String.format("%016x", ReferenceChecksums.of(KernelSpec.NBODY, 300, SEED)), m.checksum());
        }
    }

    @Test
    void theLibrarysRefusalBecomesTheReason() throws Exception {
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofMinutes(2))) {
            Measurement m = engine.measure(new Configuration("native", "sum", null, 1L << 60, 1),
                    new MeasurementSettings(1, 0, 1, 100));
            assertEquals(Status.FAILED, m.status());
            assertTrue(m.reason().startsWith("kernel sum at size 1152921504606846976 "), m.reason());
        }
    }

    @Test
    void aHangingForkIsStoppedAfterItsOwnTimeoutAndTheAutomaticTimeoutIsPerFork() throws Exception {
        // Two forks of one minute-long iteration, five seconds per fork: the engine hands its timeout to
        // each fork (JmhLauncherTest checks that each fork is timed from its own start).
        MeasurementSettings minuteLong = new MeasurementSettings(2, 0, 1, 60_000);
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofSeconds(5))) {
            Measurement m = engine.measure(new Configuration("native", "forkjoin", null, 1024, 1), minuteLong);
            assertEquals(Status.FAILED, m.status());
            assertTrue(m.reason().startsWith("a fork did not finish within its timeout of 5 s"), m.reason());
        }
        try (NativeEngine automatic = new NativeEngine(SEED, null)) {
            // A minute to start a fork, plus three times its planned 2 × 60 s; the same for any number of forks.
            assertEquals(Duration.ofSeconds(60 + 3 * 120), automatic.forkTimeoutFor(new MeasurementSettings(2, 1, 1, 60_000)));
            assertEquals(Duration.ofSeconds(60 + 3 * 120), automatic.forkTimeoutFor(new MeasurementSettings(5, 1, 1, 60_000)));
        }
    }
}
