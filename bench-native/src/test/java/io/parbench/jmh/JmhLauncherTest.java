package io.parbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JMH runs with forked JVMs: each costs a few seconds, so there are few of them. */
class JmhLauncherTest {
    private static final long SEED = 42;

    @TempDir
    Path dir;

    private JmhLauncher.Config quick(String engine, KernelSpec kernel, String variant, long size) {
        return new JmhLauncher.Config(engine, kernel.id(), variant, size, SEED, 2, 1, 1, 2, 100,
                dir.resolve(engine + "-" + kernel.id() + ".checksum"), Duration.ofMinutes(2));
    }

    private static void assertMeasured(JmhLauncher.Result result, KernelSpec kernel, long size) {
        assertEquals(1, result.scoresPerFork().size());
        List<Double> scores = result.scoresPerFork().getFirst();
        assertEquals(2, scores.size());
        assertTrue(scores.stream().allMatch(score -> score > 0), scores::toString);
        assertEquals(ReferenceChecksums.of(kernel, size, SEED), result.checksum());
    }

    @Test
    void jvmRunReturnsSamplesAndTheReferenceChecksum() throws Exception {
        long size = KernelSpec.NBODY.defaultSize(KernelSpec.Profile.QUICK);
        assertMeasured(JmhLauncher.run(quick("jvm", KernelSpec.NBODY, null, size)), KernelSpec.NBODY, size);
    }

    @Test
    void nativeRunReturnsSamplesAndTheReferenceChecksum() throws Exception {
        long size = KernelSpec.MANDELBROT.defaultSize(KernelSpec.Profile.QUICK);
        assertMeasured(JmhLauncher.run(quick("native", KernelSpec.MANDELBROT, null, size)), KernelSpec.MANDELBROT, size);
    }

    @Test
    void aFailingSetupReportsTheForksReason() {
        JmhRunException failure = assertThrows(JmhRunException.class,
                () -> JmhLauncher.run(quick("jvm", KernelSpec.SUM, "jdk", 1000)));
        assertEquals("kernel sum has no variant 'jdk': use one of [default].", failure.getMessage());
        assertTrue(failure.log().contains("# Fork: 1 of 1"), failure.log());
    }

    @Test
    void aForkThatOverstaysItsTimeoutIsStoppedAfterItsOwnTimeout() {
        // Three forks of one 10 s iteration against 5 s per fork. Timed from its own start, the first
        // fork is stopped before its iteration can end, and no other fork starts. Had the forks shared
        // their 15 s, the first would finish its iteration; what the log shows decides, not a clock.
        // The fork's command line is longer than the 4096 characters ProcessHandle shows, as with a
        // long class path: the watchdog must still find it.
        JmhLauncher.Config slow = new JmhLauncher.Config("jvm", "forkjoin", null, 1024, SEED, 1, 3, 0, 1, 10_000,
                dir.resolve("slow.checksum"), Duration.ofSeconds(5), List.of("-Dparbench.padding=" + "x".repeat(5000)));
        JmhRunException failure = assertThrows(JmhRunException.class, () -> JmhLauncher.run(slow));
        assertEquals("a fork did not finish within its timeout of 5 s, so its JVM was stopped: use a smaller size or a"
                + " longer --timeout.", failure.getMessage());
        assertTrue(failure.log().contains("# Fork: 1 of 3"), failure.log());
        assertFalse(Pattern.compile("Iteration +1: \\d").matcher(failure.log()).find(), "the first fork's iteration ended: " + failure.log());
        assertFalse(failure.log().contains("# Fork: 2 of 3"), failure.log());
    }

    @Test
    void badConfigurationsAreRejectedBeforeForking() {
        assertEquals("JMH runs the engines jvm and native, not 'chromium'.",
                assertThrows(IllegalArgumentException.class, () -> quick("chromium", KernelSpec.SUM, null, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> quick("native", KernelSpec.SORT, "jdk", 10));
        assertThrows(IllegalArgumentException.class, () -> new JmhLauncher.Config("jvm", "sum", null, 10, SEED, 1, 0, 1, 1,
                100, dir.resolve("x"), Duration.ofMinutes(1)));
    }

    @Test
    void aConfigurationsOwnJvmArgumentsFollowParbenchsFlags() {
        JmhLauncher.Config config = new JmhLauncher.Config("native", "sum", null, 1024, SEED, 1, 1, 0, 1, 10,
                dir.resolve("c.checksum"), Duration.ofMinutes(1), List.of("-Dparbench.nativeLibrary=/elsewhere/libparbench.so"));
        List<String> args = List.copyOf(JmhLauncher.options(config).build().getJvmArgsAppend().get());
        assertEquals("-Dparbench.nativeLibrary=/elsewhere/libparbench.so", args.getLast());
        assertTrue(args.contains("--enable-native-access=ALL-UNNAMED"), args::toString);
    }
}
