package io.parbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.ffm.NativeLibrary;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.PoolAccount;
import io.parbench.kernels.ReferenceChecksums;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JMH forks (a forked JVM each): each costs a few seconds, so there are few of them. */
class JmhLauncherTest {
    private static final long SEED = 42;

    @TempDir
    Path dir;

    private JmhLauncher.Config quick(String engine, KernelSpec kernel, String variant, long size, String order) {
        return new JmhLauncher.Config(engine, kernel.id(), variant, size, SEED, ForkOrder.parse(order), 1, 100,
                dir.resolve(engine + "-" + kernel.id() + ".checksum"), Duration.ofMinutes(2));
    }

    /** Every block of the order, in order, measured, with the reference checksum. */
    private static void assertMeasured(JmhLauncher.Config config, List<JmhLauncher.MeasuredBlock> blocks, KernelSpec kernel) {
        assertEquals(config.order().blocks(), blocks.stream().map(JmhLauncher.MeasuredBlock::point).toList());
        long reference = ReferenceChecksums.of(kernel, config.size(), SEED);
        for (JmhLauncher.MeasuredBlock block : blocks) {
            assertTrue(block.stepsPerSecond() > 0, blocks::toString);
            assertEquals(reference, block.checksum(), () -> "at " + block.point().token());
            // Its record: the steps it ran, when, and the accounting of the pool's workers taking part.
            BlockRecord record = block.record();
            assertTrue(record.steps() > 0 && record.wallNs() > 0 && record.endEpochNs() > record.startEpochNs(), record::toString);
            assertEquals(config.engine().equals("native") ? PoolAccount.PB_POOL : PoolAccount.FORKJOIN, record.pool().source());
            assertEquals(block.point().workers(), record.pool().workers().size(), record::toString);
        }
    }

    @Test
    void aJvmForkMeasuresTheWholeCurveInOrderWithTheReferenceAtEveryCount() throws Exception {
        JmhLauncher.Config curve = quick("jvm", KernelSpec.NBODY, null, KernelSpec.NBODY.defaultSize(KernelSpec.Profile.QUICK),
                "2 1 4 4 1 2");
        assertMeasured(curve, JmhLauncher.run(curve).blocks(), KernelSpec.NBODY);
    }

    @Test
    void aNativeForkMeasuresTheWholeCurveOnOnePoolWithTheReferenceAtEveryCount() throws Exception {
        JmhLauncher.Config config = quick("native", KernelSpec.MANDELBROT, null, KernelSpec.MANDELBROT.defaultSize(KernelSpec.Profile.QUICK),
                "4 1 2 2 1 4");
        assertMeasured(config, JmhLauncher.run(config).blocks(), KernelSpec.MANDELBROT);
    }

    /** Side A's library is a copy of this build's at a path of its own: a second library in the same JVM. */
    @Test
    void aNativeForkMeasuresTwoLibrariesInterleaved() throws Exception {
        Path copy = Files.copy(NativeLibrary.load().path(), Files.createDirectories(dir.resolve("side-a")).resolve("libparbench.so"));
        JmhLauncher.Config config = new JmhLauncher.Config("native", "sum", null, 4096, SEED, ForkOrder.parse("A1 2 A2 1 1 A2 2 A1"), 1, 100,
                dir.resolve("ab.checksum"), Duration.ofMinutes(2), List.of("-D" + NativeLibrary.BASELINE_FILE_PROPERTY + "=" + copy));
        assertMeasured(config, JmhLauncher.run(config).blocks(), KernelSpec.SUM);
    }

    @Test
    void sideAWithoutItsLibraryIsRefusedSayingHowToGiveIt() {
        JmhRunException failure = assertThrows(JmhRunException.class,
                () -> JmhLauncher.run(quick("native", KernelSpec.SUM, null, 4096, "A1 1")));
        assertEquals("blocks of side A run a second library, and none was given: pass its path to the forks as"
                + " -Dparbench.baselineNativeLibrary=FILE.", failure.getMessage());
        assertEquals(List.of(), failure.measured());
    }

    @Test
    void aFailingSetupReportsTheForksReason() {
        JmhRunException failure = assertThrows(JmhRunException.class,
                () -> JmhLauncher.run(quick("jvm", KernelSpec.SUM, "jdk", 1000, "1")));
        assertEquals("kernel sum has no variant 'jdk': use one of [default].", failure.getMessage());
        assertTrue(failure.log().contains("# Fork: 1 of 1"), failure.log());
    }

    /**
     * A fork that dies mid-curve (killed here once it has finished two blocks, as a crash or the
     * kernel's OOM killer would) keeps the blocks it reported, each with its checksum.
     */
    @Test
    void aForkThatDiesMidCurveKeepsTheBlocksItMeasured() throws Exception {
        String order = "1 2 2 1 1 2 2 1 1 2 2 1 1 2 2 1 1 2 2 1";
        JmhLauncher.Config config = quick("jvm", KernelSpec.SUM, null, 4096, order);
        AtomicBoolean killed = new AtomicBoolean();
        Thread killer = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (ChecksumFile.read(config.checksumFile()).size() < 2) {
                    Thread.sleep(20);
                }
                ProcessHandle.current().descendants()
                        .filter(p -> p.info().commandLine().map(line -> line.contains("ForkedMain")).orElse(false))
                        .forEach(fork -> killed.set(fork.destroyForcibly()));
            } catch (InterruptedException e) {
                // the test ended
            }
        });
        JmhRunException failure = assertThrows(JmhRunException.class, () -> JmhLauncher.run(config));
        killer.interrupt();
        assertTrue(killed.get(), "the fork was killed");
        List<JmhLauncher.MeasuredBlock> before = failure.measured();
        assertTrue(!before.isEmpty() && before.size() < config.order().blocks().size(), before::toString);
        assertMeasured(new JmhLauncher.Config("jvm", "sum", null, 4096, SEED, new ForkOrder(config.order().blocks().subList(0,
                before.size())), 1, 100, config.checksumFile(), config.forkTimeout()), before, KernelSpec.SUM);
    }

    @Test
    void aForkThatOverstaysItsTimeoutIsStopped() {
        // One measurement iteration of a minute against a timeout of five seconds: the log shows the
        // iteration never ended, whatever this machine's speed. The fork's command line is longer
        // than the 4096 characters ProcessHandle shows, as with a long class path: the watchdog
        // must still find the fork.
        JmhLauncher.Config slow = new JmhLauncher.Config("jvm", "forkjoin", null, 1024, SEED, ForkOrder.parse("1"), 0, 60_000,
                dir.resolve("slow.checksum"), Duration.ofSeconds(5), List.of("-Dparbench.padding=" + "x".repeat(5000)));
        JmhRunException failure = assertThrows(JmhRunException.class, () -> JmhLauncher.run(slow));
        assertEquals("a fork did not finish within its timeout of 5 s, so its JVM was stopped: use a smaller size or a"
                + " longer --timeout.", failure.getMessage());
        assertTrue(failure.log().contains("# Fork: 1 of 1"), failure.log());
        assertFalse(Pattern.compile("Iteration +1: \\d").matcher(failure.log()).find(), "the iteration ended: " + failure.log());
    }

    @Test
    void badConfigurationsAreRejectedBeforeForking() {
        assertEquals("JMH runs the engines jvm and native, not 'chromium'.",
                assertThrows(IllegalArgumentException.class, () -> quick("chromium", KernelSpec.SUM, null, 10, "1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> quick("native", KernelSpec.SORT, "jdk", 10, "1"));
        assertThrows(IllegalArgumentException.class, () -> new JmhLauncher.Config("jvm", "sum", null, 10, SEED, ForkOrder.parse("1"), -1,
                100, dir.resolve("x"), Duration.ofMinutes(1)));
    }

    @Test
    void aForkGetsParbenchsFlagsThenItsOwnAndNoneOfThisJvmsAndItsOrderIsTheWorkersParameter() {
        JmhLauncher.Config config = new JmhLauncher.Config("native", "sum", null, 1024, SEED, ForkOrder.parse("A1 1 2 A2"), 0, 10,
                dir.resolve("c.checksum"), Duration.ofMinutes(1), List.of("-Dparbench.nativeLibrary=/elsewhere/libparbench.so"));
        var options = JmhLauncher.options(config).build();
        // The fork's flags are these alone: with jvmArgs set (to none), JMH adds none of this JVM's own (it would put them first).
        assertEquals(List.of(), List.copyOf(options.getJvmArgs().get()));
        assertFalse(options.getJvmArgsPrepend().hasValue());
        List<String> args = List.copyOf(options.getJvmArgsAppend().get());
        assertEquals("-Dparbench.nativeLibrary=/elsewhere/libparbench.so", args.getLast());
        assertEquals(1, args.stream().filter("--enable-native-access=ALL-UNNAMED"::equals).count(), args::toString);
        assertEquals(List.of("A1 1 2 A2"), List.copyOf(options.getParameter("workers").get()));
        assertEquals(4, options.getMeasurementIterations().get());
        assertEquals(1, options.getForkCount().get());
    }
}
