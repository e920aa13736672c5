package io.parbench.engines.browser;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The browsers parbench drives: on this machine Chromium (Playwright), Firefox (WebDriver BiDi) and
 * WebKitGTK (WebDriver); through a WebDriver endpoint on another machine any of them, and Safari
 * and Edge as well.
 */
public enum BrowserKind {
    // The warm-up floors: a fresh page's wasm reaches its steady state after ~0.7-0.9 s in
    // Chromium (tier-up); Firefox is near it from ~0.2 s but dips to 0.4-0.65 of it around
    // 0.8-1.0 s (steady after ~1.1 s); WebKit is steady after 0.1-0.2 s in most pages.
    CHROMIUM("chrome", true, 600),
    FIREFOX("firefox", true, 1200),
    WEBKIT("MiniBrowser", true, 300),
    SAFARI("safari", false, 300),
    EDGE("MicrosoftEdge", false, 600);

    private final String webDriverName;
    private final boolean local;
    private final Duration warmupFloor;

    BrowserKind(String webDriverName, boolean local, long warmupFloorMillis) {
        this.webDriverName = webDriverName;
        this.local = local;
        this.warmupFloor = Duration.ofMillis(warmupFloorMillis);
    }

    /**
     * The least a page warms up before its iterations may count as steady: the browser's
     * engine can look steady before it has tiered up (or dipped) for the last time.
     */
    public Duration warmupFloor() {
        return warmupFloor;
    }

    /** The W3C {@code browserName} capability a WebDriver endpoint (or Grid) knows the browser by. */
    public String webDriverName() {
        return webDriverName;
    }

    /** Whether parbench can launch it on this machine (Safari and Edge only run through --webdriver-url). */
    public boolean local() {
        return local;
    }

    /** The name on the command line and in results. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not a browser parbench drives */
    public static BrowserKind parse(String id) {
        return Arrays.stream(values())
                .filter(kind -> kind.id().equals(id.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown browser '" + id + "'; use one of "
                        + Arrays.stream(values()).map(BrowserKind::id).collect(Collectors.joining(", ")) + "."));
    }
}
