package io.parbench.engines.wasm;

import io.parbench.engines.browser.BrowserKind;

/** The webkit engine: WebKitGTK's MiniBrowser over WebDriver, on an Xvfb of its own. */
class WebKitEngineTest extends BrowserEngineContract {

    @Override
    BrowserKind browser() {
        return BrowserKind.WEBKIT;
    }

    @Override
    String userAgentMark() {
        return "AppleWebKit/";
    }
}
