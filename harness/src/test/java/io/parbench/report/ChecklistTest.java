package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.BrowserProbe;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.FactKeys;
import io.parbench.results.RunDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    private static Map<String, CheckItem> checklist(RunDocument document) {
        Checklist checklist = Checklist.of(ReportedRun.of(List.of(document)).getFirst());
        assertEquals(6, checklist.items().size());
        return checklist.items().stream().collect(Collectors.toMap(CheckItem::title, Function.identity()));
    }

    @Test
    void anIsolatedBrowserThatScalesPassesEverythingButTheUnexercisedFallback() {
        Map<String, CheckItem> items = checklist(ReportFixtures.healthy());
        for (String title : List.of(Checklist.SHARED_ARRAY_BUFFER, Checklist.ISOLATION, Checklist.POOL, Checklist.MODULE, Checklist.PARALLEL)) {
            assertEquals(CheckState.PASS, items.get(title).state(), title + ": " + items.get(title).detail());
            assertNull(items.get(title).fix());
        }
        assertEquals(CheckState.NOT_MEASURED, items.get(Checklist.FALLBACK).state());
        // Pool start-up: the fixture reports 2.5 + 1.5 W ms for every threaded chromium configuration.
        assertTrue(items.get(Checklist.POOL).detail().contains("5.50 ms (W=2), 8.50 ms (W=4)"), items.get(Checklist.POOL).detail());
        assertTrue(items.get(Checklist.POOL).detail().contains("1 threaded configuration failed"));
        assertTrue(items.get(Checklist.PARALLEL).detail().contains("(chromium, mandelbrot)"), items.get(Checklist.PARALLEL).detail());
    }

    @Test
    void aPageWithoutIsolationFailsWithTheFixAndCreditsTheFallback() {
        Map<String, CheckItem> items = checklist(ReportFixtures.fallbackPartial());
        CheckItem sab = items.get(Checklist.SHARED_ARRAY_BUFFER);
        assertEquals(CheckState.FAIL, sab.state());
        assertTrue(sab.fix().contains("Cross-Origin-Embedder-Policy: require-corp"), sab.fix());
        CheckItem isolation = items.get(Checklist.ISOLATION);
        assertEquals(CheckState.FAIL, isolation.state());
        assertTrue(isolation.fix().startsWith("Run without --no-isolation."), isolation.fix());
        CheckItem pool = items.get(Checklist.POOL);
        assertEquals(CheckState.FAIL, pool.state());
        assertTrue(pool.detail().contains("DataCloneError"), pool.detail());
        assertEquals(CheckState.NOT_CHECKED, items.get(Checklist.MODULE).state());
        assertEquals(CheckState.NOT_MEASURED, items.get(Checklist.PARALLEL).state());
        CheckItem fallback = items.get(Checklist.FALLBACK);
        assertEquals(CheckState.PASS, fallback.state());
        assertTrue(fallback.detail().startsWith("4 configurations ran single-threaded"), fallback.detail());
    }

    @Test
    void withoutABrowserEngineNothingIsMeasuredAndTheHeadlineSaysWhy() {
        RunDocument document = withEngines(ReportFixtures.healthy(), Map.of(
                "native", EngineFacts.available("native", Map.of()),
                "chromium", EngineFacts.unavailable("chromium", "no browser found", "apt-get install chromium")));
        Checklist checklist = Checklist.of(ReportedRun.of(List.of(document)).getFirst());
        assertTrue(checklist.items().stream().allMatch(i -> i.state() == CheckState.NOT_MEASURED));
        assertEquals(CheckState.NOT_MEASURED, checklist.overall());
        assertTrue(checklist.headline().contains("chromium was unavailable: no browser found"), checklist.headline());
    }

    @Test
    void aModuleWithoutSharedMemoryFailsWithTheBuildFix() {
        RunDocument healthy = ReportFixtures.healthy();
        EngineFacts chromium = healthy.environment().engines().get("chromium");
        Map<String, String> facts = new HashMap<>(chromium.facts());
        facts.put(FactKeys.WASM_SHARED_MEMORY, "false");
        Map<String, EngineFacts> engines = new HashMap<>(healthy.environment().engines());
        engines.put("chromium", new EngineFacts("chromium", true, null, null, facts, chromium.browser()));
        CheckItem module = checklist(withEngines(healthy, engines)).get(Checklist.MODULE);
        assertEquals(CheckState.FAIL, module.state());
        assertTrue(module.detail().contains("chromium: no shared memory"), module.detail());
        assertTrue(module.fix().contains("-Wl,--shared-memory"), module.fix());
    }

    @Test
    void oneLogicalCoreCannotShowParallelismWhateverTheBrowserSays() {
        RunDocument healthy = ReportFixtures.healthy();
        EngineFacts chromium = healthy.environment().engines().get("chromium");
        BrowserProbe p = chromium.browser();
        BrowserProbe oneCore = new BrowserProbe(p.browser(), p.version(), p.userAgent(), 1, p.isolationServed(),
                p.crossOriginIsolated(), p.sharedArrayBuffer(), p.timerResolutionMillis(), p.wasmThreads(), p.wasmThreadsError());
        Map<String, EngineFacts> engines = new HashMap<>(healthy.environment().engines());
        engines.put("chromium", new EngineFacts("chromium", true, null, null, chromium.facts(), oneCore));
        // The browser's navigator.hardwareConcurrency is not the machine's (WebKitGTK says 4 on 2 cores).
        assertEquals(CheckState.PASS, checklist(withEngines(healthy, engines, 4)).get(Checklist.PARALLEL).state());
        CheckItem parallel = checklist(withEngines(healthy, healthy.environment().engines(), 1)).get(Checklist.PARALLEL);
        assertEquals(CheckState.NOT_MEASURED, parallel.state());
        assertNotNull(parallel.detail());
    }

    private static RunDocument withEngines(RunDocument document, Map<String, EngineFacts> engines) {
        return withEngines(document, engines, document.environment().logicalCores());
    }

    private static RunDocument withEngines(RunDocument document, Map<String, EngineFacts> engines, int logicalCores) {
        Environment e = document.environment();
        Environment changed = new Environment(e.hostname(), e.os(), e.arch(), e.cpuModel(), logicalCores, e.memoryBytes(), e.jvm(), engines);
        return new RunDocument(document.format(), document.version(), document.run(), changed, document.forks(), document.configurations());
    }
}
