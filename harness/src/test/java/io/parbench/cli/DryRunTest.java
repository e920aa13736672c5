package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.kernels.KernelSpec;
import io.parbench.plan.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `run --dry-run` prints the plan a profile makes (its kernels among it) and measures nothing. */
class DryRunTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--profile quick                 | [sum, nbody, sort, forkjoin]",
        "--profile quick --kernels all   | [sum, histogram, axpy, nbody, mandelbrot, sort, forkjoin, scan]",
        "--profile quick --kernels scan  | [scan]",
        "--profile default               | [sum, histogram, axpy, nbody, mandelbrot, sort, forkjoin, scan]",
    })
    void theProfileChoosesTheKernelsUnlessTheyAreNamed(String options, String kernels, @TempDir Path dir) {
        Path out = dir.resolve("out");
        String[] args = ("run --engines native --workers 1,2 --dry-run --out " + out + " " + options).split(" +");

        CommandRun run = CommandRun.of(args);

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("(native × " + kernels + " × workers [1, 2])"), run.err());
        assertTrue(run.err().contains("Dry run: nothing was measured."), run.err());
        assertFalse(Files.exists(out.resolve("results.json")), "a dry run writes no results");
    }

    /** The help names quick's kernels as the profile lists them (picocli's text is a constant, written by hand). */
    @Test
    void theHelpNamesQuicksKernels() {
        List<String> ids = Profile.QUICK.kernels().stream().map(KernelSpec::id).toList();
        String named = String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();

        CommandRun help = CommandRun.of("run", "--help");

        assertEquals(ExitCodes.OK, help.exitCode(), help.err());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("Default: the profile's (quick: " + named + ";"), help.out());
    }
}
