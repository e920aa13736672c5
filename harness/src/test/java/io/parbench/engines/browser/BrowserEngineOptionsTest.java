package io.parbench.engines.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parbench.results.MeasurementSettings;
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
}
