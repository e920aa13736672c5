package io.parbench.engines.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.results.Configuration;
import io.parbench.results.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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

    /**
     * The page's own process (a WebKitWebProcess, MiniBrowser's child) killed while the page runs:
     * MiniBrowser lives on, but WebKitWebDriver ends the session. The configuration fails naming
     * the process, and the next fork runs in a relaunched browser, noted.
     */
    @Test
    void aPageProcessThatDiesIsNamedAndTheBrowserRelaunchedForTheNextFork() throws Exception {
        Configuration forkjoin = new Configuration("webkit", "forkjoin", null, 1024, 2);
        try (WasmEngine engine = new WasmEngine(options().withMinimumWarmup(Duration.ofSeconds(20)).withForkTimeout(TIMEOUT.multipliedBy(4)))) {
            assertTrue(engine.probe().available());
            ProcessHandle miniBrowser = engine.driver().browserProcess().orElseThrow();
            Instant started = Instant.now();
            CompletableFuture<SingleConfiguration.Result> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return SingleConfiguration.measure(engine, forkjoin, QUICK);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            newestWebProcessSince(miniBrowser, started);
            Thread.sleep(3_000); // the page is loaded and warming up (for 20 s)
            ProcessHandle page = newestWebProcessSince(miniBrowser, started);
            page.destroyForcibly();
            SingleConfiguration.Result crashed = running.get(2, TimeUnit.MINUTES);
            assertEquals(Status.FAILED, crashed.status());
            assertTrue(crashed.reason().startsWith("WebKitWebProcess (pid " + page.pid() + ") died (crashed or was killed), and"
                    + " WebKitWebDriver ended the session while the page ran: browser error: "), crashed.reason());
            assertTrue(crashed.notes().contains("the browser is relaunched for the next fork"), crashed.notes().toString());

            int launches = engine.driver().launches();
            SingleConfiguration.Result next = SingleConfiguration.measure(engine, forkjoin, QUICK);
            assertEquals(Status.OK, next.status(), next::reason);
            assertEquals(launches + 1, engine.driver().launches());
            assertTrue(next.notes().stream().anyMatch(note -> note.startsWith("WebKitWebProcess (pid " + page.pid() + ") died")
                    && note.endsWith(" before this page; webkit was relaunched for it")), next.notes().toString());
        }
    }

    /** The newest WebKitWebProcess started since {@code since}, waited for. */
    private static ProcessHandle newestWebProcessSince(ProcessHandle miniBrowser, Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> newest = miniBrowser.children()
                    .filter(p -> p.info().command().orElse("").endsWith("/WebKitWebProcess"))
                    .filter(p -> p.info().startInstant().map(start -> !start.isBefore(since.minusSeconds(1))).orElse(false))
                    .max(Comparator.comparing(p -> p.info().startInstant().orElseThrow()));
            if (newest.isPresent()) {
                return newest.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no WebKitWebProcess started for the page within a minute");
    }
}
