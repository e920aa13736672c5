package io.parbench.engines.browser.drivers;

import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.firefox.FirefoxDriver;
import io.parbench.engines.browser.playwright.PlaywrightDriver;
import io.parbench.engines.browser.webkit.WebKitDriver;
import java.nio.file.Path;

/** Which driver drives which browser: Playwright Chromium, Firefox over WebDriver BiDi, WebKitGTK over WebDriver. */
public final class BrowserDrivers {

    private BrowserDrivers() {}

    /**
     * @param explicitPath the browser executable from --browser-path, or null to find one
     * @param isolation whether pages are served cross-origin isolated: WebKitGTK then gets the
     *     SharedArrayBuffer that Safari gives such pages (and without it, none, as Safari)
     */
    public static BrowserDriver create(BrowserKind kind, Path explicitPath, boolean isolation) {
        // A package of its own: the drivers depend on the browser package, which must not depend on them.
        return switch (kind) {
            case CHROMIUM -> new PlaywrightDriver(kind, explicitPath);
            case FIREFOX -> new FirefoxDriver(explicitPath);
            case WEBKIT -> new WebKitDriver(explicitPath, isolation);
        };
    }
}
