package io.parbench.engines.browser;

import java.util.concurrent.TimeUnit;

/** Test helper: crashes a session's browser the hard way, SIGKILL to its main process. */
public final class BrowserCrash {

    private BrowserCrash() {}

    /** Kills the session's browser process and waits until it is gone. */
    public static void kill(BrowserSession session) throws Exception {
        ProcessHandle browser = session.browserProcess()
                .orElseThrow(() -> new IllegalStateException("the session has no running browser process"));
        browser.destroyForcibly();
        browser.onExit().get(10, TimeUnit.SECONDS);
    }
}
