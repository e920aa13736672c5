package io.parbench.engines.browser.drivers;

import io.parbench.engines.browser.BrowserDriver;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.firefox.FirefoxDriver;
import io.parbench.engines.browser.playwright.PlaywrightDriver;
import io.parbench.engines.browser.remote.RemoteDriver;
import io.parbench.engines.browser.webkit.WebKitDriver;

/**
 * Which driver drives which browser: on this machine Playwright Chromium, Firefox over WebDriver
 * BiDi, WebKitGTK over WebDriver; any browser on another machine over remote WebDriver.
 */
public final class BrowserDrivers {

    private BrowserDrivers() {}

    /**
     * The driver for the options' browser, with its --browser-path, at its --webdriver-url if any.
     * Isolated pages get WebKitGTK's SharedArrayBuffer that Safari gives such pages (and without
     * isolation, none, as Safari).
     */
    public static BrowserDriver create(BrowserEngineOptions options) {
        // A package of its own: the drivers depend on the browser package, which must not depend on them.
        if (options.remote() != null) {
            return new RemoteDriver(options.browser(), options.remote());
        }
        return switch (options.browser()) {
            case CHROMIUM -> new PlaywrightDriver(options.browser(), options.browserPath());
            case FIREFOX -> new FirefoxDriver(options.browserPath());
            case WEBKIT -> new WebKitDriver(options.browserPath(), options.isolation());
            case SAFARI, EDGE -> throw new IllegalArgumentException(options.browser().id() + " runs only on another machine");
        };
    }
}
