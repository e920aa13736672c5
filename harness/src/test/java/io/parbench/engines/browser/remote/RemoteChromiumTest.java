package io.parbench.engines.browser.remote;

import io.parbench.engines.browser.BrowserKind;

/** Chromium on a chromedriver node. */
class RemoteChromiumTest extends RemoteDriverContract {

    @Override
    BrowserKind browser() {
        return BrowserKind.CHROMIUM;
    }

    @Override
    WebDriverNode startNode() throws Exception {
        return WebDriverNode.chromedriver();
    }

    @Override
    String userAgentMark() {
        return "Chrome/";
    }
}
