package io.parbench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A process's environment (Linux: /proc/PID/environ), to tell the browser of one session from others. */
public final class ProcessEnvironment {

    private ProcessEnvironment() {}

    /** Its NAME=value entries, or none when it is gone or not ours to read. */
    public static List<String> of(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
