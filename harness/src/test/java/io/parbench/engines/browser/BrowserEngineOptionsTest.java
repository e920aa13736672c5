package io.parbench.engines.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.RemoteEndpoint;
import io.parbench.results.MeasurementSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrowserEngineOptionsTest {

    // 2 forks × (1 warm-up + 3 measured iterations of 100 ms).
    private static final MeasurementSettings SETTINGS = new MeasurementSettings(2, 1, 3, 100);

    @Test
    void theAutomaticTimeoutIsPerForkAndAllowsForTheMinimumWarmup() {
        // Each fork: 30 s + 3 × (2 s of warm-up + 300 ms measured), however many forks there are.
        assertEquals(Duration.ofMillis(30_000 + 3 * 2_300), BrowserEngineOptions.defaults().timeoutFor(SETTINGS));
        // Without a minimum, the warm-up is the one iteration asked for.
        assertEquals(Duration.ofMillis(30_000 + 3 * 400),
                BrowserEngineOptions.defaults().withMinimumWarmup(Duration.ZERO).timeoutFor(SETTINGS));
    }

    @Test
    void aConfiguredTimeoutWins() {
        Duration configured = Duration.ofSeconds(7);
        assertEquals(configured, BrowserEngineOptions.defaults().withForkTimeout(configured).timeoutFor(SETTINGS));
    }

    @Test
    void aNegativeMinimumWarmupIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrowserEngineOptions.defaults().withMinimumWarmup(Duration.ofMillis(-1)));
        assertEquals("minimumWarmup must be zero or more, was PT-0.001S", e.getMessage());
    }

    @Test
    void safariAndEdgeRunOnlyThroughAWebDriverEndpoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrowserEngineOptions.defaults().withBrowser(BrowserKind.SAFARI));
        assertTrue(e.getMessage().startsWith("safari runs only on another machine: reach it with --webdriver-url"), e.getMessage());
        RemoteEndpoint grid = new RemoteEndpoint(URI.create("http://grid.example:4444"), null, null);
        assertEquals(BrowserKind.EDGE, BrowserEngineOptions.defaults().withRemote(grid).withBrowser(BrowserKind.EDGE).browser());
    }

    @Test
    void eachBrowserHasTheNameWebDriverEndpointsKnowItBy() {
        assertEquals("chrome", BrowserKind.parse("chromium").webDriverName());
        assertEquals("firefox", BrowserKind.parse("firefox").webDriverName());
        assertEquals("MiniBrowser", BrowserKind.parse("webkit").webDriverName());
        assertEquals("safari", BrowserKind.parse("Safari").webDriverName());
        assertEquals("MicrosoftEdge", BrowserKind.parse("edge").webDriverName());
    }
}
