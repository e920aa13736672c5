package io.parbench.engines.wasm;

import io.parbench.engines.browser.BrowserKind;

/** The firefox engine: Firefox ESR over WebDriver BiDi. */
class FirefoxEngineTest extends BrowserEngineContract {

    @Override
    BrowserKind browser() {
        return BrowserKind.FIREFOX;
    }

    @Override
    String userAgentMark() {
        return "Firefox/";
    }
}
