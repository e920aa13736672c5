package io.parbench.engines.browser;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The browsers parbench drives: Chromium (Playwright), Firefox (WebDriver BiDi), WebKitGTK (WebDriver). */
public enum BrowserKind {
    CHROMIUM,
    FIREFOX,
    WEBKIT;

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
