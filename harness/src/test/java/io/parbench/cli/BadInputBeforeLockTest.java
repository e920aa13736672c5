package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input is refused before the run lock is taken: nobody waits behind another run (53 s, in
 * the issue) to hear that a path was mistyped. The test holds the lock itself, so a command that
 * reached it would fail otherwise (this JVM cannot take a lock it holds).
 */
class BadInputBeforeLockTest {

    private static final String ADAPTER = "../bench-wasm/examples/parbench-module/adapter.js";

    @TempDir Path dir;
    private FileChannel channel;
    private FileLock lock;

    @BeforeEach
    void holdTheRunLock() throws Exception {
        channel = FileChannel.open(Path.of(System.getProperty("parbench.runLock")), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = channel.tryLock();
        assertNotNull(lock, "the suite's run lock is free");
    }

    @AfterEach
    void release() throws Exception {
        lock.release();
        channel.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --engines byo --adapter /nonexistent/adapter.js           | No adapter at /nonexistent/adapter.js (--adapter): give the path of your adapter.js.",
        "compare --engines byo --adapter ADAPTER --baseline-adapter /nonexistent/adapter.js | No adapter at /nonexistent/adapter.js (--baseline-adapter): give the path of your adapter.js.",
        "run --engines chromium --browser-path /nonexistent/chromium   | --browser-path /nonexistent/chromium is not an executable file",
        "compare --engines chromium --baseline-browser-path /nonexistent/chromium | --baseline-browser-path /nonexistent/chromium is not an executable file",
        "compare --engines native --baseline-assets ASSETS              | --baseline-assets: ASSETS/native/linux-x86_64/libparbench.so is not a shared library (it has no ELF header)",
        "run --engines native --sizes =5                                | Bad --sizes '=5': '=5' names no kernel.",
        "compare --engines native --baseline-jvm-args -Xint --threshold nbody@nowhere=10% | --threshold nbody@nowhere matches nothing this comparison measures",
    })
    void isRefusedWithoutWaitingForTheLock(String args, String expected) throws Exception {
        Path assets = dir.resolve("assets");
        Files.createDirectories(assets.resolve("native/linux-x86_64"));
        Files.writeString(assets.resolve("native/linux-x86_64/libparbench.so"), "not a library\n");
        String[] argv = args.replace("ADAPTER", ADAPTER).replace("ASSETS", assets.toString()).split(" +");
        CommandRun run = CommandRun.of(argv);
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: " + expected.replace("ASSETS", assets.toString())), run.err());
        assertFalse(run.err().contains("waiting"), run.err());
    }
}
