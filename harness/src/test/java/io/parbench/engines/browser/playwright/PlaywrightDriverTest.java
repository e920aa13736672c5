package io.parbench.engines.browser.playwright;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.browser.BrowserCrash;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.ChromiumProcesses;
import io.parbench.engines.browser.PageOutcome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaywrightDriverTest {

    @Test
    void relaunchesACrashedBrowserAndCleansUp() throws Exception {
        Path folder;
        URI blank = URI.create("about:blank");
        try (PlaywrightDriver driver = new PlaywrightDriver(BrowserKind.CHROMIUM, null)) {
            PageOutcome noPage = driver.run(blank, "probe", Map.of(), Duration.ofSeconds(5));
            assertTrue(noPage.failed(), "about:blank has no parbench page protocol");
            folder = driver.workDir();
            assertTrue(Files.isDirectory(folder.resolve("home")));
            assertEquals(1, driver.launches());

            BrowserCrash.kill(driver);
            driver.run(blank, "probe", Map.of(), Duration.ofSeconds(5));
            assertEquals(2, driver.launches());
            assertTrue(driver.running());
        }
        assertFalse(Files.exists(folder), "the driver's folder is deleted on close");
    }

    /** Playwright's driver runs from the user's cache, unpacked once, not from a copy of its own in every JVM. */
    @Test
    void playwrightsDriverRunsFromTheUsersCache() throws Exception {
        try (PlaywrightDriver driver = new PlaywrightDriver(BrowserKind.CHROMIUM, null)) {
            driver.run(URI.create("about:blank"), "probe", Map.of(), Duration.ofSeconds(5));
            List<String> nodes = ProcessHandle.current().descendants()
                    .filter(process -> process.info().commandLine().orElse("").contains("cli.js run-driver"))
                    .map(process -> process.info().command().orElse("")).distinct().toList();
            assertEquals(1, nodes.size(), nodes::toString);
            assertTrue(Path.of(nodes.getFirst()).startsWith(UnpackedDriver.userCache().orElseThrow()), nodes::toString);
        }
    }

    /**
     * Chromium keeps only the last --disable-features: ours must carry every feature Playwright turns
     * off (a newer Playwright may turn off more), and no page may get the omnibox's WebUI renderer,
     * which costs every page ~1.2 s of a core beside its workers.
     */
    @Test
    void theBrowserKeepsPlaywrightsDisabledFeaturesAndStartsNoOmniboxRenderer() throws Exception {
        try (PlaywrightDriver driver = new PlaywrightDriver(BrowserKind.CHROMIUM, null)) {
            driver.run(URI.create("about:blank"), "probe", Map.of(), Duration.ofSeconds(5));
            ProcessHandle browser = driver.browserProcess().orElseThrow();
            List<String> switches = ChromiumProcesses.disableFeaturesSwitches(browser);
            Set<String> ours = ChromiumProcesses.features(switches.getLast());
            assertTrue(ours.containsAll(BrowserKind.CHROMIUM_OMNIBOX_WEBUI), ours::toString);
            for (String earlier : switches) {
                Set<String> missing = new HashSet<>(ChromiumProcesses.features(earlier));
                missing.removeAll(ours);
                assertTrue(missing.isEmpty(), () -> "Playwright turns off " + missing + " too: add them to PLAYWRIGHT_DISABLED_FEATURES");
            }
            List<String> omnibox = ChromiumProcesses.topChromeRenderers(browser);
            assertTrue(omnibox.isEmpty(), () -> "a top-chrome WebUI renderer runs beside the pages: " + omnibox);
        }
    }
}
