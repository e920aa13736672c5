package io.parbench.engines.browser.webdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.engines.Block;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.PageOutcome;
import io.parbench.engines.browser.PageProtocol;
import io.parbench.engines.browser.remote.WebDriverNode;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import io.parbench.serving.AssetServer;
import io.parbench.serving.ClasspathRoot;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Pages in a real WebKitGTK (MiniBrowser on WebKitWebDriver), which keeps a new tab hidden even
 * once it is the current one: what the page says of being hidden, and that parbench's own pages
 * are never hidden.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowPagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration NEWS_WAIT = Duration.ofSeconds(2);
    private static final MeasurementSettings ONE_STEP = new MeasurementSettings(1, 0, 1, 1);

    private WebDriverNode node;
    private AssetServer server;
    private WebDriverClient client;
    private WebDriverSession session;

    @BeforeAll
    void start() throws Exception {
        node = WebDriverNode.webKitWebDriver();
        server = AssetServer.start(Map.of("web", new ClasspathRoot("io/parbench/assets/web"),
                "wasm", new ClasspathRoot("io/parbench/assets/wasm")), true);
        client = new WebDriverClient(node.url());
        session = client.newSession(node.capabilities(), TIMEOUT);
    }

    @AfterAll
    void stop() throws Exception {
        session.delete(TIMEOUT);
        server.close();
        node.close();
    }

    @Test
    void aPageInAHiddenTabSaysItWasHidden() throws Exception {
        String first = session.windowHandle();
        String tab = client.command("POST", "session/" + session.id() + "/window/new", Map.of("type", "tab"), TIMEOUT).path("handle").asText();
        session.switchToWindow(tab);
        session.navigate(page(), TIMEOUT);
        assertEquals("hidden", session.execute("return document.visibilityState;", List.of(), TIMEOUT).asText(),
                "WebKitGTK shows a new tab only when asked to");
        session.execute(PageProtocol.start("run", config()) + ";", List.of(), TIMEOUT);
        JsonNode news;
        do {
            news = PageProtocol.parse(session.executeAsync("(" + PageProtocol.awaitNews(0, Duration.ZERO, NEWS_WAIT) + ")(arguments[0]);", List.of(),
                    TIMEOUT).asText());
        } while (!news.has("result"));
        assertTrue(news.get("result").path("pageHidden").asBoolean(false), news.toString());
        session.closeWindow();
        session.switchToWindow(first);
    }

    @Test
    void theWindowsParbenchOpensAreNotHidden() throws Exception {
        PageOutcome outcome = new WindowPages(session, () -> true).run(page(), "run", config(), TIMEOUT);
        assertNull(outcome.failure(), () -> outcome.failure() + " " + outcome.notes());
        assertEquals(Boolean.FALSE, outcome.result().get("pageHidden"), outcome.result().toString());
        assertEquals("ok", outcome.result().get("status"), outcome.result().toString());
    }

    private URI page() {
        return server.url("web/index.html");
    }

    private static Map<String, Object> config() {
        ForkPlan fork = new ForkPlan(new SeriesKey("webkit", "forkjoin", null, 1024), List.of(Block.of(2)), ONE_STEP);
        Map<String, Object> config = new HashMap<>(BrowserEngineOptions.defaults().withBrowser(BrowserKind.WEBKIT)
                .withMinimumWarmup(Duration.ZERO).pageConfig(fork));
        config.put("kernel", "forkjoin");
        config.put("modules", Map.of("current", "../wasm/parbench.wasm"));
        return config;
    }
}
