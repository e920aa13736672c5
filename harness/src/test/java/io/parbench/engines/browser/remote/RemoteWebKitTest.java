package io.parbench.engines.browser.remote;

import io.parbench.engines.browser.BrowserKind;

/** WebKitGTK's MiniBrowser on a WebKitWebDriver node (Safari's engine, as far as this machine has it). */
class RemoteWebKitTest extends RemoteDriverContract {

    @Override
    BrowserKind browser() {
        return BrowserKind.WEBKIT;
    }

    @Override
    WebDriverNode startNode() throws Exception {
        return WebDriverNode.webKitWebDriver();
    }

    @Override
    String userAgentMark() {
        return "AppleWebKit/";
    }
}
