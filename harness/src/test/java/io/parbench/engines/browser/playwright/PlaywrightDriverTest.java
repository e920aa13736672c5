package io.parbench.engines.browser.playwright;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.browser.BrowserCrash;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.PageOutcome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
}
