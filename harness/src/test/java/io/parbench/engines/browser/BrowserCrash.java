package io.parbench.engines.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: crashes a session's browser the hard way, SIGKILL to its main process. */
public final class BrowserCrash {

    private BrowserCrash() {}

    /**
     * Kills the session's browser process, found among this JVM's descendants by the home folder
     * the session gave it (Linux: /proc/PID/environ).
     */
    public static void kill(BrowserSession session) throws Exception {
        String home = "HOME=" + session.workDir().resolve("home");
        List<ProcessHandle> browsers = ProcessHandle.current().descendants()
                .filter(process -> process.info().command().orElse("").endsWith("/chromium"))
                .filter(process -> !process.info().commandLine().orElse("--type=").contains("--type=")) // not a child process
                .filter(process -> environment(process).contains(home))
                .toList();
        if (browsers.size() != 1) {
            throw new IllegalStateException("expected one browser process with " + home + ", found " + browsers.size());
        }
        ProcessHandle browser = browsers.getFirst();
        browser.destroyForcibly();
        browser.onExit().get(10, TimeUnit.SECONDS);
    }

    private static List<String> environment(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
            return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of(); // gone already, or not ours to read
        }
    }
}
