package io.parbench.engines.browser.webdriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.engines.browser.PageProtocol;
import io.parbench.engines.browser.remote.WebDriverNode;
import io.parbench.serving.AssetServer;
import io.parbench.serving.ClasspathRoot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * When the page answers a wait for news ({@link PageProtocol#awaitNews}), in parbench's real page
 * (main.js) in a real WebKitGTK: each answer is work beside the workers, so a block waits on the page
 * until it is {@code gather} old, however long the wait has already run. Blocks are put on the page
 * by hand, so no answer depends on how fast this machine measures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageNewsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration GATHER = Duration.ofMillis(400);
    /** A block as the driver worker would post it, and when it reached the page. */
    private static final String ADD_BLOCK = "parbench.blocks.push({workers: 2}); parbench.blockArrivals.push(performance.now());";

    private WebDriverNode node;
    private AssetServer server;
    private WebDriverSession session;

    @BeforeAll
    void start() throws Exception {
        node = WebDriverNode.webKitWebDriver();
        server = AssetServer.start(Map.of("web", new ClasspathRoot("io/parbench/assets/web")), true);
        session = new WebDriverClient(node.url()).newSession(node.capabilities(), TIMEOUT);
    }

    @AfterAll
    void stop() throws Exception {
        session.delete(TIMEOUT);
        server.close();
        node.close();
    }

    @BeforeEach
    void freshPage() throws Exception {
        session.navigate(server.url("web/index.html"), TIMEOUT);
    }

    /** The first answer used to come as soon as a block arrived after a second of waiting: in the page's second block. */
    @Test
    void aBlockThatArrivesLateInTheWaitIsAnsweredOnlyOnceItIsGatherOld() throws Exception {
        JsonNode answer = news("""
                (done) => {
                  setTimeout(() => { %s }, %d);
                  (%s)((news) => done(JSON.stringify({ news: JSON.parse(news), age: performance.now() - parbench.blockArrivals[0] })));
                }""".formatted(ADD_BLOCK, 2 * GATHER.toMillis(), PageProtocol.awaitNews(0, GATHER, TIMEOUT)));
        assertEquals(1, answer.path("news").path("blocks").size(), answer::toString);
        assertTrue(answer.path("age").asDouble() >= GATHER.toMillis(), answer::toString);
    }

    @Test
    void aWaitThatRanOutStillAnswersWithTheBlocksItHolds() throws Exception {
        JsonNode answer = news("(done) => { %s (%s)(done); }".formatted(ADD_BLOCK, PageProtocol.awaitNews(0, GATHER, Duration.ZERO)));
        assertEquals(1, answer.path("blocks").size(), answer::toString);
    }

    @Test
    void onlyBlocksAfterTheSeenOnesAreNews() throws Exception {
        session.execute(ADD_BLOCK + ADD_BLOCK, List.of(), TIMEOUT);
        JsonNode answer = news("(done) => { %s (%s)(done); }".formatted(ADD_BLOCK, PageProtocol.awaitNews(2, GATHER, TIMEOUT)));
        assertEquals(1, answer.path("blocks").size(), answer::toString);
    }

    @Test
    void aWaitWithNothingNewAnswersNothingOnceItRanOut() throws Exception {
        session.execute(ADD_BLOCK, List.of(), TIMEOUT);
        JsonNode answer = news("(done) => (%s)(done)".formatted(PageProtocol.awaitNews(1, GATHER, Duration.ofMillis(100))));
        assertTrue(answer.isObject() && answer.isEmpty(), answer::toString);
    }

    @Test
    void theResultIsAnsweredAtOnceWithoutWaitingForItsBlocksToAge() throws Exception {
        JsonNode answer = news("(done) => { %s parbench.result = {status: 'ok'}; (%s)(done); }".formatted(ADD_BLOCK,
                PageProtocol.awaitNews(0, TIMEOUT, TIMEOUT)));
        assertEquals("ok", answer.path("result").path("status").asText(), answer::toString);
        assertFalse(answer.has("blocks"), answer::toString);
    }

    /** Runs a function of the callback that ends the script and parses what it was called with. */
    private JsonNode news(String function) throws Exception {
        return PageProtocol.parse(session.executeAsync("(" + function + ")(arguments[0]);", List.of(), TIMEOUT).asText());
    }
}
