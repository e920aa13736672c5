package io.parbench.engines.browser.remote;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.ChromiumProcesses;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    /**
     * As a local Chromium: the session asks for the omnibox WebUI off (goog:chromeOptions), ChromeDriver
     * joins that with its own and the given --disable-features, and no page gets a top-chrome WebUI
     * renderer beside it (~1.2 s of a core per window otherwise).
     */
    @Test
    void theNodesChromiumRendersNoOmniboxBesideThePages() {
        assertTrue(engine().probe().available()); // a page, in the session that stays open
        ProcessHandle chromium = node().process().descendants()
                .filter(p -> !ChromiumProcesses.disableFeaturesSwitches(p).isEmpty())
                .filter(p -> ChromiumProcesses.commandLine(p).stream().noneMatch(argument -> argument.startsWith("--type=")))
                .findFirst().orElseThrow(() -> new AssertionError("no Chromium under " + node().process().pid()));
        List<String> switches = ChromiumProcesses.disableFeaturesSwitches(chromium);
        assertTrue(ChromiumProcesses.features(switches.getLast()).containsAll(BrowserKind.CHROMIUM_OMNIBOX_WEBUI), switches::toString);
        List<String> omnibox = ChromiumProcesses.topChromeRenderers(node().process());
        assertTrue(omnibox.isEmpty(), () -> "a top-chrome WebUI renderer runs beside the pages: " + omnibox);
    }
}
