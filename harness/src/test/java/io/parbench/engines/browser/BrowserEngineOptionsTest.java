package io.parbench.engines.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Block;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.plan.BlockOrder;
import io.parbench.results.ComparisonSide;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BrowserEngineOptionsTest {

    // 2 forks × (1 warm-up + 3 measured iterations of 100 ms).
    private static final MeasurementSettings SETTINGS = new MeasurementSettings(2, 1, 3, 100);
    private static final SeriesKey NBODY = new SeriesKey("chromium", "nbody", null, 512);

    @Test
    void theAutomaticTimeoutIsPerForkAndAllowsForItsLongestWarmupAndEveryBlock() {
        // A curve of W = 1, 2, 4 with 3 blocks each: 30 s + 3 × (0.7 s of set-up + at most 3 s of warm-up + 9 × 100 ms).
        ForkPlan curve = new ForkPlan(NBODY, BlockOrder.balanced(List.of(ComparisonSide.CURRENT), List.of(1, 2, 4), 3, new Random(1)), SETTINGS);
        assertEquals(Duration.ofMillis(30_000 + 3 * (700 + 3_000 + 900)), BrowserEngineOptions.defaults().timeoutFor(curve));
        // A fork of one worker count: its 3 blocks only.
        ForkPlan one = new ForkPlan(NBODY, List.of(Block.of(2), Block.of(2), Block.of(2)), SETTINGS);
        assertEquals(Duration.ofMillis(30_000 + 3 * (700 + 3_000 + 300)), BrowserEngineOptions.defaults().timeoutFor(one));
    }

    /** The estimate's warm-up: 0.5 s beyond the later of the floor and the rule's windows of every point, up to the longest warm-up. */
    @Test
    void aPagesTypicalSetUpCountsTheSteadyRulesSlicesPerPoint() {
        BrowserEngineOptions webkit = BrowserEngineOptions.defaults().withBrowser(BrowserKind.WEBKIT);
        // Three points: WebKit's 1.4 s page set-up, 6 slices of 50 ms per point and 0.5 s (beyond its 0.3 s floor).
        ForkPlan three = new ForkPlan(NBODY, BlockOrder.balanced(List.of(ComparisonSide.CURRENT), List.of(1, 2, 4), 3, new Random(1)), SETTINGS);
        assertEquals(Duration.ofMillis(1_400 + 3 * 300 + 500), webkit.typicalSetUp(three));
        // Nine points would need 3.2 s: the longest warm-up, 3 s, ends it.
        ForkPlan nine = new ForkPlan(NBODY, BlockOrder.balanced(List.of(ComparisonSide.CURRENT), List.of(1, 2, 4, 8, 16, 32, 63, 64, 128), 1,
                new Random(1)), SETTINGS);
        assertEquals(Duration.ofMillis(1_400 + 3_000), webkit.typicalSetUp(nine));
        // One point in Firefox, and three in Chromium: their floors (1.2 s each) are longer than the rule's 0.3 s and 0.9 s.
        ForkPlan one = new ForkPlan(NBODY, List.of(Block.of(2), Block.of(2), Block.of(2)), SETTINGS);
        assertEquals(Duration.ofMillis(800 + 1_200 + 500), webkit.withBrowser(BrowserKind.FIREFOX).typicalSetUp(one));
        assertEquals(Duration.ofMillis(1_400 + 1_200 + 500), webkit.withBrowser(BrowserKind.CHROMIUM).typicalSetUp(three));
    }

    @Test
    void aConfiguredTimeoutWins() {
        Duration configured = Duration.ofSeconds(7);
        ForkPlan one = new ForkPlan(NBODY, List.of(Block.of(2)), SETTINGS);
        assertEquals(configured, BrowserEngineOptions.defaults().withForkTimeout(configured).timeoutFor(one));
    }

    @Test
    void aNegativeMinimumWarmupIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrowserEngineOptions.defaults().withMinimumWarmup(Duration.ofMillis(-1)));
        assertEquals("minimumWarmup must be zero or more, was PT-0.001S", e.getMessage());
    }

    @Test
    void browsersAreLaunchedHereByDefault() {
        assertNull(BrowserEngineOptions.defaults().remote());
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
