package io.parbench.engines.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserCrash;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.PageTimeouts;
import io.parbench.engines.browser.webkit.WebKitDriver;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.Configuration;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        // The first page measures for 100 s, so it still runs when it is killed; the next one is short.
        MeasurementSettings untilKilled = new MeasurementSettings(1, 0, 100, 1000);
        try (WasmEngine engine = new WasmEngine(options().withForkTimeout(TIMEOUT.multipliedBy(4)))) {
            assertTrue(engine.probe().available());
            Instant started = Instant.now();
            CompletableFuture<SingleConfiguration.Result> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return SingleConfiguration.measure(engine, forkjoin, untilKilled);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            // The page runs (its process has used a second of CPU: loading alone does not); which of the
            // web processes started since is the page's is the driver's to find out, so all of them go.
            List<ProcessHandle> pageProcesses = webProcessesRunningAPageSince(engine, started);
            pageProcesses.forEach(ProcessHandle::destroyForcibly);
            Set<Long> killed = pageProcesses.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
            SingleConfiguration.Result crashed = running.get(2, TimeUnit.MINUTES);
            assertEquals(Status.FAILED, crashed.status());
            Matcher named = Pattern.compile("WebKitWebProcess \\(pid (\\d+)\\) died \\(crashed or was killed\\), and"
                    + " WebKitWebDriver ended the session while the page ran: browser error: .*", Pattern.DOTALL).matcher(crashed.reason());
            assertTrue(named.matches() && killed.contains(Long.parseLong(named.group(1))), () -> crashed.reason() + "; killed " + killed);
            String pid = named.group(1);
            assertTrue(crashed.notes().contains("the browser is relaunched for the next fork"), crashed.notes().toString());

            int launches = engine.driver().launches();
            SingleConfiguration.Result next = SingleConfiguration.measure(engine, forkjoin, QUICK);
            assertEquals(Status.OK, next.status(), next::reason);
            assertEquals(launches + 1, engine.driver().launches());
            assertTrue(next.notes().stream().anyMatch(note -> note.startsWith("WebKitWebProcess (pid " + pid + ") died")
                    && note.endsWith(" before this page; webkit was relaunched for it")), next.notes().toString());
        }
    }

    /**
     * Each page must run in a web process of its own, or it would measure in what the one before left
     * (its compiled code, its heap). Isolated pages share one window, which goes back to about:blank
     * between them (WebKit swaps processes on entering and leaving a cross-origin isolated page);
     * without isolation WebKit kept the process through about:blank, so those pages get a window
     * each. Three pages, one at a time: the web process that used most CPU while each ran is a
     * different one each time, in one browser.
     */
    @ParameterizedTest(name = "isolated: {0}")
    @ValueSource(booleans = {true, false})
    void eachPageRunsInAWebProcessOfItsOwn(boolean isolated) throws Exception {
        Configuration sum = new Configuration("webkit", "sum", null, KernelSpec.SUM.defaultSize(KernelSpec.Profile.QUICK), isolated ? 2 : 1);
        try (WasmEngine engine = new WasmEngine(options().withIsolation(isolated))) {
            assertTrue(engine.probe().available());
            ProcessHandle miniBrowser = engine.driver().browserProcess().orElseThrow();
            List<Long> pageProcesses = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                pageProcesses.add(busiestWebProcessWhile(miniBrowser, () -> {
                    SingleConfiguration.Result result = SingleConfiguration.measure(engine, sum, QUICK);
                    assertEquals(Status.OK, result.status(), result::reason);
                }));
            }
            assertEquals(1, engine.driver().launches());
            assertEquals(3, Set.copyOf(pageProcesses).size(), "the web process that ran each page: " + pageProcesses);
        }
    }

    /** The pid of MiniBrowser's web process whose CPU time grew most while {@code pages} ran (sampled every 20 ms). */
    private static long busiestWebProcessWhile(ProcessHandle miniBrowser, PageTimeouts.Pages pages) throws Exception {
        Map<Long, Duration> before = new HashMap<>();
        Map<Long, Duration> grown = new ConcurrentHashMap<>();
        webProcesses(miniBrowser).forEach(p -> before.put(p.pid(), p.info().totalCpuDuration().orElse(Duration.ZERO)));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watching = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                // A process's CPU time only grows, so its last sample is its growth (kept once it has exited).
                webProcesses(miniBrowser).forEach(p -> p.info().totalCpuDuration().ifPresent(cpu -> grown.put(p.pid(),
                        cpu.minus(before.getOrDefault(p.pid(), Duration.ZERO)))));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        });
        try {
            pages.run();
        } finally {
            running.set(false);
            watching.join();
        }
        return grown.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow(() -> new AssertionError("no web process ran"))
                .getKey();
    }

    /**
     * A window that cannot be opened is tried once more in a relaunched WebKit: MiniBrowser stopped,
     * then killed while the driver waits for the page's window. The page measures, and says it was
     * tried again. (Pages share a window, so a page that fails first closes it: the next opens one.)
     */
    @Test
    void aPageWhoseWindowCouldNotBeOpenedIsTriedAgainInARelaunchedBrowser() throws Exception {
        Configuration sum = new Configuration("webkit", "sum", null, KernelSpec.SUM.defaultSize(KernelSpec.Profile.QUICK), 2);
        try (WasmEngine engine = new WasmEngine(options())) {
            assertTrue(engine.probe().available());
            assertEquals(Status.FAILED, SingleConfiguration.measure(engine, new Configuration("webkit", "nope", null, 10, 2), QUICK).status());
            ProcessHandle miniBrowser = engine.driver().browserProcess().orElseThrow();
            int launches = engine.driver().launches();
            BrowserCrash.signal("STOP", miniBrowser);
            CompletableFuture<SingleConfiguration.Result> measured = new CompletableFuture<>();
            Thread measuring = Thread.ofPlatform().start(() -> {
                try {
                    measured.complete(SingleConfiguration.measure(engine, sum, QUICK));
                } catch (Exception e) {
                    measured.completeExceptionally(e);
                }
            });
            awaitInside(measuring, "newWindow");
            miniBrowser.destroyForcibly();
            SingleConfiguration.Result result = measured.get(2, TimeUnit.MINUTES);
            assertEquals(Status.OK, result.status(), result::reason);
            assertEquals(2, result.forks().getFirst().attempts());
            assertEquals(launches + 1, engine.driver().launches());
            assertTrue(result.notes().stream().anyMatch(note -> note.startsWith(WebKitDriver.WINDOW_RETRY_NOTE
                    + " (browser error: could not open a window: ") && note.contains("; MiniBrowser (pid " + miniBrowser.pid() + ") died")),
                    result.notes().toString());
        }
    }

    /** Waits until {@code thread} runs a method named {@code method} (it is blocked there, waiting for an answer). */
    private static void awaitInside(Thread thread, String method) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (Arrays.stream(thread.getStackTrace()).noneMatch(frame -> frame.getMethodName().equals(method))) {
            assertTrue(thread.isAlive() && System.nanoTime() < deadline, "the driver never asked for a window");
            Thread.sleep(10);
        }
    }

    /**
     * The browser's WebKitWebProcess children started since {@code since}, once one of them has used a
     * second of CPU time (the page in it runs), waited for. The browser is asked for each time: a
     * page whose window could not be opened runs in a relaunched one.
     */
    private static List<ProcessHandle> webProcessesRunningAPageSince(WasmEngine engine, Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> started = engine.driver().browserProcess().stream().flatMap(WebKitEngineTest::webProcesses)
                    .filter(p -> p.info().startInstant().map(start -> !start.isBefore(since.minusSeconds(1))).orElse(false))
                    .toList();
            if (started.stream().anyMatch(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).compareTo(Duration.ofSeconds(1)) >= 0)) {
                return started;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no WebKitWebProcess started since " + since + " ran a page (a second of CPU) within two minutes");
    }

    /** MiniBrowser's WebKitWebProcess children. */
    private static Stream<ProcessHandle> webProcesses(ProcessHandle miniBrowser) {
        return miniBrowser.children().filter(p -> p.info().command().orElse("").endsWith("/WebKitWebProcess"));
    }
}
