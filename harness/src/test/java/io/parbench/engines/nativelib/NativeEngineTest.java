package io.parbench.engines.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.AssetsFolder;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real library through a real JMH fork. */
class NativeEngineTest {
    private static final long SEED = 42;
    /** This build's assets folder, as --baseline-assets takes it. */
    private static final Path ASSETS = Path.of("..", "bench-wasm", "target", "classes", "io", "parbench", "assets");

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
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("native", "nbody", null, 300, 2),
                    new MeasurementSettings(1, 1, 2, 100));
            assertEquals(Status.OK, m.status(), m.reason());
            assertEquals(2, m.samples().getFirst().size());
            assertTrue(m.samples().getFirst().stream().allMatch(s -> s > 0), m.samples().toString());
            assertEquals(ChecksumText.of(ReferenceChecksums.of(KernelSpec.NBODY, 300, SEED)), m.checksum());
        }
    }

    /**
     * A/A in one JVM: side A runs a copy of this build's library (a second library in the fork),
     * interleaved with side B's; both are measured at every worker count and compute the same.
     */
    @Test
    void aPairedEngineMeasuresBothLibrariesInOneFork() throws Exception {
        NativeEngine.Pairing pairing = NativeEngine.paired(SEED, Duration.ofMinutes(2), null, AssetsFolder.nativeLibrary(ASSETS));
        assertNull(pairing.refused());
        try (NativeEngine engine = pairing.engine()) {
            ForkPlan fork = new ForkPlan(new SeriesKey("native", "sum", null, 4096),
                    BlockOrder.balanced(List.of(ComparisonSide.BASELINE, ComparisonSide.CURRENT), List.of(1, 2), 2, new Random(3)),
                    new MeasurementSettings(1, 1, 2, 100));
            ForkMeasurement m = engine.measure(fork);
            assertEquals(Status.OK, m.status(), m.reason());
            assertEquals(fork.order(), m.blocks().stream().map(ForkMeasurement.MeasuredBlock::block).toList());
            String reference = ChecksumText.of(ReferenceChecksums.of(KernelSpec.SUM, 4096, SEED));
            Map<Block, String> expected = new HashMap<>();
            for (ComparisonSide side : ComparisonSide.values()) {
                for (int w : fork.workers()) {
                    expected.put(new Block(side, w), reference);
                }
            }
            assertEquals(expected, m.checksums());
        }
    }

    /** One JVM measures the whole curve on one pool, its worker count switched between blocks. */
    @Test
    void aForkMeasuresTheWholeCurveInItsOrder() throws Exception {
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofMinutes(2))) {
            assertTrue(engine.measuresCurves());
            ForkPlan curve = new ForkPlan(new SeriesKey("native", "histogram", null, 100_000),
                    BlockOrder.balanced(List.of(ComparisonSide.CURRENT), List.of(1, 2, 3), 2, new Random(5)),
                    new MeasurementSettings(1, 1, 2, 100));
            ForkMeasurement m = engine.measure(curve);
            assertEquals(Status.OK, m.status(), m.reason());
            assertEquals(curve.order(), m.blocks().stream().map(ForkMeasurement.MeasuredBlock::block).toList());
            String reference = ChecksumText.of(ReferenceChecksums.of(KernelSpec.HISTOGRAM, 100_000, SEED));
            assertEquals(Map.of(Block.of(1), reference, Block.of(2), reference, Block.of(3), reference), m.checksums());
        }
    }

    /**
     * A library built before pb_pool_use_workers (this build's, with that name changed so the
     * dynamic linker cannot find it) measures one worker count per fork, and is paired with no other.
     */
    @Test
    void aLibraryThatCannotSwitchItsPoolMeasuresAWorkerCountPerForkAndIsNotPaired(@TempDir Path dir) throws Exception {
        Path older = withSymbolRenamed(dir, "pb_pool_use_workers", "pb_pool_use_workerz");
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofMinutes(2), older)) {
            assertTrue(engine.probe().available());
            assertFalse(engine.measuresCurves());
        }
        NativeEngine.Pairing pairing = NativeEngine.paired(SEED, Duration.ofMinutes(2), null, older);
        assertNull(pairing.engine());
        assertEquals("separate forks: side A's libparbench.so was built before pb_pool_use_workers, so one JVM cannot measure its curve",
                pairing.refused());
    }

    /**
     * A library built before the pool's accounting (this build's, with pb_pool_stats_read renamed)
     * is measured as before: its blocks keep their steps and wall time, without the pool's part.
     */
    @Test
    void aLibraryWithoutTheAccountingIsMeasuredWithoutIt(@TempDir Path dir) throws Exception {
        Path older = withSymbolRenamed(dir, "pb_pool_stats_read", "pb_pool_stats_reaz");
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofMinutes(2), older)) {
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("native", "nbody", null, 300, 2),
                    new MeasurementSettings(1, 1, 2, 100));
            assertEquals(Status.OK, m.status(), m.reason());
            assertEquals(ChecksumText.of(ReferenceChecksums.of(KernelSpec.NBODY, 300, SEED)), m.checksum());
            for (ForkMeasurement.MeasuredBlock block : m.forks().getFirst().blocks()) {
                assertTrue(block.accounting().steps() > 0, block::toString);
                assertNull(block.accounting().pool(), block::toString);
            }
        }
    }

    @Test
    void anUnpairedEngineRefusesSideA() throws Exception {
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofMinutes(1))) {
            ForkPlan sideA = new ForkPlan(new SeriesKey("native", "sum", null, 4096), List.of(new Block(ComparisonSide.BASELINE, 1)),
                    new MeasurementSettings(1, 0, 1, 100));
            assertThrows(IllegalArgumentException.class, () -> engine.measure(sideA));
        }
    }

    @Test
    void theLibrarysRefusalBecomesTheReason() throws Exception {
        try (NativeEngine engine = new NativeEngine(SEED, Duration.ofMinutes(2))) {
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("native", "sum", null, 1L << 60, 1),
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
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration("native", "forkjoin", null, 1024, 1), minuteLong);
            assertEquals(Status.FAILED, m.status());
            assertTrue(m.reason().startsWith("a fork did not finish within its timeout of 5 s"), m.reason());
        }
        try (NativeEngine automatic = new NativeEngine(SEED, null)) {
            // A minute to start a fork, plus three times its planned 1.3 s of start-up, 60 s of warm-up and 60 s measured;
            // the same for any number of forks.
            for (int forks : new int[] {2, 5}) {
                MeasurementSettings settings = new MeasurementSettings(forks, 1, 1, 60_000);
                ForkPlan fork = new ForkPlan(new SeriesKey("native", "forkjoin", null, 1024), List.of(Block.of(1)), settings);
                assertEquals(Duration.ofMillis(60_000 + 3 * 121_300), automatic.timeoutFor(fork));
            }
        }
    }

    /** This build's library with {@code symbol} renamed (same length), as if built before it existed. */
    private static Path withSymbolRenamed(Path dir, String symbol, String renamed) throws IOException {
        String library = new String(Files.readAllBytes(AssetsFolder.nativeLibrary(ASSETS)), StandardCharsets.ISO_8859_1);
        return Files.write(dir.resolve("libparbench.so"), library.replace(symbol, renamed).getBytes(StandardCharsets.ISO_8859_1));
    }
}
