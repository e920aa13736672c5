package io.parbench.engines.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.browser.BrowserKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The firefox engine: Firefox ESR over WebDriver BiDi. */
class FirefoxEngineTest extends BrowserEngineContract {

    /** Firefox's name for a content process that renders its own about: pages (home, new tab, welcome). */
    private static final String PRIVILEGED_ABOUT = "Privileged Cont";

    @Override
    BrowserKind browser() {
        return BrowserKind.FIREFOX;
    }

    @Override
    String userAgentMark() {
        return "Firefox/";
    }

    /**
     * A fresh profile opens Firefox's home page, whose privileged content process used 0.6 s of a
     * core beside the first pages of a run (and made the launch 0.5 s slower): the profile's
     * preferences open a blank page instead. Firefox starts that process with its first window, so
     * it would be there once the probe page has run; it is looked for a second longer.
     */
    @Test
    void firefoxRunsNoHomeOrNewTabPageBesideThePages() throws Exception {
        try (WasmEngine engine = inSharedBrowser(options())) {
            assertTrue(engine.probe().available());
            ProcessHandle firefox = engine.driver().browserProcess().orElseThrow();
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            List<Long> privileged;
            do {
                privileged = firefox.descendants().filter(p -> PRIVILEGED_ABOUT.equals(name(p))).map(ProcessHandle::pid).toList();
                Thread.sleep(50);
            } while (privileged.isEmpty() && System.nanoTime() < until);
            assertEquals(List.of(), privileged, "Firefox runs a privileged about: page (its home or new-tab page) beside the pages");
        }
    }

    /** The process's name as the kernel has it (Firefox names its content processes by kind). */
    private static String name(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "comm")).strip();
        } catch (IOException e) {
            return ""; // it ended
        }
    }
}
