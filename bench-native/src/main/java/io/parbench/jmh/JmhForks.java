package io.parbench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The JMH forks this JVM runs: its descendants whose main class is JMH's ForkedMain. */
public final class JmhForks {
    private static final String FORK_MAIN = "org.openjdk.jmh.runner.ForkedMain";

    private JmhForks() {}

    /** This JVM's JMH forks running now. */
    public static Stream<ProcessHandle> running() {
        return ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).map(line -> line.contains(FORK_MAIN)).orElse(false));
    }

    /**
     * A process's whole command line. ProcessHandle.Info cuts it at 4096 characters on Linux (and
     * then has no arguments at all), and a fork's class path alone may be longer: its main class
     * would be cut off, and the fork not recognised.
     */
    private static Optional<String> commandLine(ProcessHandle process) {
        try {
            byte[] line = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return Optional.of(new String(line, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException e) {
            return process.info().commandLine(); // no /proc here, or the process ended
        }
    }
}
