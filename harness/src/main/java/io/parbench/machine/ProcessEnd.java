package io.parbench.machine;

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
        // No state: gone since, or no /proc to read.
        return ProcFiles.state(process.pid()).map(state -> state == 'Z' || state == 'X').orElseGet(() -> !process.isAlive());
    }
}
