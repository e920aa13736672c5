package io.parbench.engines.wasm;

import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import java.time.Duration;

/** The firefox engine: Firefox ESR over WebDriver BiDi. */
class FirefoxEngineTest extends BrowserEngineContract {

    @Override
    BrowserKind browser() {
        return BrowserKind.FIREFOX;
    }

    /**
     * Pages of a few milliseconds made Firefox leave the next page stuck in its set-up far more
     * often (several in 28 pages, each costing a fork timeout before the retry) than pages of a
     * second or more (none in 56 pages of a default run): a second of warm-up is cheaper.
     */
    @Override
    BrowserEngineOptions options() {
        return super.options().withMinimumWarmup(Duration.ofSeconds(1));
    }

    @Override
    String userAgentMark() {
        return "Firefox/";
    }
}
