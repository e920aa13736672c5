package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Bad usage gets one clear sentence and exit code 2, never a stack trace. */
class CliErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --workers 0                 | Bad --workers '0': 0 is outside 1..1024",
        "run --workers 1..x              | 'x' is not a whole number",
        "run --profile huge              | Unknown profile 'huge'; use one of quick, default, full",
        "run --kernels fft               | Unknown kernel 'fft'; the kernels are sum, histogram",
        "run --engines warp              | Unknown engine 'warp'; the engines are jvm, native, chromium, firefox, webkit, safari, edge, byo",
        "run --forks 0                   | --forks must be at least 1",
        "run --kernels sum --sizes nbody=abc | Bad --sizes 'nbody=abc': 'abc' is not a size",
        "run --timeout 0                 | --timeout must be at least 1 second",
        "run --seed abc                  | Invalid value for option '--seed'",
        "run --bogus                     | Unknown option: '--bogus'",
        "compare --iterations 0          | --iterations and --iteration-time must be at least 1, --warmup at least 0",
        "compare --timeout 0             | --timeout must be at least 1 second",
        "compare --engines native --adapter a.js | --adapter, --adapter-param and their --baseline- twins are for the byo engine",
        "frobnicate                      | Unmatched argument at index 0: 'frobnicate'",
        "''                              | Missing command",
    })
    void badUsageIsExplainedWithExitCode2(String args, String expected) {
        StringWriter err = new StringWriter();
        CommandLine cl = ExitCodes.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        String[] argv = args.isEmpty() ? new String[0] : args.split(" +");

        int code = cl.execute(argv);

        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    /** A command refused for bad input leaves nothing behind, not even the --out folder it would have made. */
    /** A mistyped option is named, not the file parameter that went missing behind it. */
    @ParameterizedTest
    @ValueSource(strings = {"report", "gate", "export", "inspect"})
    void anUnknownOptionIsNamedBeforeAMissingParameter(String command) {
        CommandRun run = CommandRun.of(command, "--bogus");
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("error: Unknown option: '--bogus'\nTry 'parbench " + command + " --help' for usage.\n", run.err());
    }

    @Test
    void aRefusedCommandLeavesNoFolderBehind(@TempDir Path dir) {
        Path out = dir.resolve("new/folder");
        CommandRun run = CommandRun.of("compare", "--engines", "nosuch", "--baseline-jvm-args", "-Xint", "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("Unknown engine 'nosuch'"), run.err());
        assertFalse(Files.exists(dir.resolve("new")), "no folder was made");
    }

    /** Nothing is measured when the results could not be kept: refused before any engine starts. */
    @Test
    void anOutputFolderThatCannotBeWrittenIsRefusedFirst(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        CommandRun run = CommandRun.of("run", "--engines", "native", "--kernels", "sum", "--out", file.resolve("x").toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("error: Could not write the results (--out) to " + file.resolve("x/results.json") + ": " + file
                + " is a file, not a folder; give a path in a folder.\n", run.err());
        assertFalse(run.err().contains("Plan:"), "no engine was started: " + run.err());
    }
}
