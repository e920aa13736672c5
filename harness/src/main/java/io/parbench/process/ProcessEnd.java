package io.parbench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process has ended, including one that is not ours: a process killed while its parent
 * (a browser) is busy stays a zombie until that parent reaps it, and the JDK counts a zombie as
 * alive (its {@code onExit} waits for the reaping too).
 */
public final class ProcessEnd {

    private ProcessEnd() {}

    /** Gone, or dead and waiting for its parent to reap it (Linux: state Z or X in /proc/PID/stat). */
    public static boolean ended(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
            // The state follows the name, which may hold spaces and parentheses: it is read after the last ")".
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return !process.isAlive(); // gone since, or no /proc to read
        }
    }
}
