package io.parbench.engines.browser.webkit;

import io.parbench.engines.browser.BrowserLocator;
import io.parbench.engines.browser.BrowserUnavailableException;
import io.parbench.engines.browser.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An Xvfb X server of its own, for a browser that has no headless mode (WebKitGTK's MiniBrowser):
 * Xvfb picks a free display and writes its number to its output (-displayfd 1).
 */
public final class VirtualDisplay implements AutoCloseable {

    private static final Pattern DISPLAY_NUMBER = Pattern.compile("^(\\d+)$");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final ChildProcess xvfb;
    private final String display;

    private VirtualDisplay(ChildProcess xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    public static VirtualDisplay start(Map<String, String> environment, Path directory) throws BrowserUnavailableException {
        Path executable = BrowserLocator.findOnPath("Xvfb").orElseThrow(() -> new BrowserUnavailableException(
                "Xvfb not found on PATH (WebKitGTK's MiniBrowser needs an X display)", "install it with `apt-get install xvfb`"));
        ChildProcess xvfb = null;
        try {
            xvfb = ChildProcess.start("Xvfb", List.of(executable.toString(), "-displayfd", "1", "-nolisten", "tcp",
                    "-screen", "0", "1280x800x24"), environment, directory);
            return new VirtualDisplay(xvfb, ":" + xvfb.awaitLine(DISPLAY_NUMBER, START_TIMEOUT).group(1));
        } catch (IOException e) {
            if (xvfb != null) {
                xvfb.close();
            }
            throw new BrowserUnavailableException("could not start Xvfb: " + e.getMessage(), "check that `Xvfb -displayfd 1` runs here");
        }
    }

    /** The DISPLAY value, e.g. ":99". */
    public String display() {
        return display;
    }

    boolean alive() {
        return xvfb.alive();
    }

    @Override
    public void close() {
        xvfb.close();
    }
}
