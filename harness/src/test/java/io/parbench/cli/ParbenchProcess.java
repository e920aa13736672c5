package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.process.ProcessEnvironment;
import io.parbench.process.TempFolders;
import io.parbench.results.ResultsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test helper: 'parbench' as a process of its own, as a user starts it (its own JVM, its exit
 * code, its signals), with its own temporary folder so that what it leaves there can be seen.
 */
final class ParbenchProcess {

    private ParbenchProcess() {}

    /** The command line that runs parbench with {@code args} in a fresh JVM, its java.io.tmpdir {@code tmp}. */
    static List<String> command(Path tmp, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp,
                "-Dparbench.runLock=" + System.getProperty("parbench.runLock"), // the suite's lock, as in-process runs
                "-cp", System.getProperty("java.class.path"),
                ParbenchCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts it, stdout and stderr together into {@code log}. */
    static Process start(Path tmp, Path log, String... args) throws IOException {
        return new ProcessBuilder(command(tmp, args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Sends a signal by name (INT: Ctrl-C, KILL: kill -9). */
    static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + process.pid());
    }

    /** Waits until the run has saved {@code count} forks (failing, with its output, if it ends first). */
    static void awaitForks(Path results, int count, Process run, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!run.isAlive()) {
                throw new AssertionError("parbench ended before it could be interrupted:\n" + Files.readString(log));
            }
            if (Files.exists(results) && ResultsReader.read(results).forks().size() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + count + " forks measured within 5 minutes");
    }

    /** The live processes parbench started in a temporary folder below {@code tmp} (told by the marker in their environment). */
    static List<String> processesIn(Path tmp) {
        String marker = TempFolders.MARKER_VARIABLE + "=" + tmp + "/";
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> ProcessEnvironment.of(process).stream().anyMatch(entry -> entry.startsWith(marker)))
                .map(process -> process.pid() + " " + process.info().command().orElse("?"))
                .toList();
    }

    /** What is in {@code tmp} but the native library's cache (kept on purpose, for every later run). */
    static List<String> leftIn(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith("parbench-native-")).toList();
        }
    }
}
