package io.parbench.engines.browser;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The browsers parbench drives: on this machine Chromium (Playwright), Firefox (WebDriver BiDi) and
 * WebKitGTK (WebDriver); through a WebDriver endpoint on another machine any of them, and Safari
 * and Edge as well.
 */
public enum BrowserKind {
    CHROMIUM("chrome", true),
    FIREFOX("firefox", true),
    WEBKIT("MiniBrowser", true),
    SAFARI("safari", false),
    EDGE("MicrosoftEdge", false);

    private final String webDriverName;
    private final boolean local;

    BrowserKind(String webDriverName, boolean local) {
        this.webDriverName = webDriverName;
        this.local = local;
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
