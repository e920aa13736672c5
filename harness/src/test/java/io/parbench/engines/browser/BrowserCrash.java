package io.parbench.engines.browser;

import java.util.concurrent.TimeUnit;

/** Test helper: crashes a driver's browser the hard way, SIGKILL to its main process. */
public final class BrowserCrash {

    private BrowserCrash() {}

    /** Kills the driver's browser process and waits until it is gone. */
    public static void kill(BrowserDriver driver) throws Exception {
        ProcessHandle browser = driver.browserProcess()
                .orElseThrow(() -> new IllegalStateException("the driver has no running browser process"));
        browser.destroyForcibly();
        browser.onExit().get(10, TimeUnit.SECONDS);
    }
}
