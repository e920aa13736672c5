package io.parbench.engines.byo;

import io.parbench.engines.Block;
import io.parbench.engines.browser.PageResult;
import io.parbench.results.AdapterRun;
import io.parbench.results.ComparisonSide;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a byo page found out beyond its samples (see byo/driver.js): for each worker count it
 * measured, the threads it ran; for the page, the await floor and the modules it instantiated,
 * with their verdicts.
 */
final class PageFindings {

    private PageFindings() {}

    static Map<Block, AdapterRun> of(PageResult answer, ModuleVerdicts verdicts) {
        Double floor = answer.has("asyncStepFloorMicros") ? answer.number("asyncStepFloorMicros").doubleValue() : null;
        List<AdapterRun.ModuleVerdict> modules = verdicts.of(answer.texts("modules"));
        Map<Block, AdapterRun> found = new HashMap<>();
        for (Map<String, Object> point : answer.list("threads")) {
            PageResult counted = new PageResult(point);
            Block block = new Block(ComparisonSide.parse(counted.text("side")), counted.number("workers").intValue());
            Integer threads = counted.has("threads") ? counted.number("threads").intValue() : null;
            Integer reported = counted.has("adapterThreads") ? counted.number("adapterThreads").intValue() : null;
            // A page that fell back to one worker (no isolation) says so by its status, not as a cap.
            int asked = answer.has("workersUsed") ? Math.min(block.workers(), answer.number("workersUsed").intValue()) : block.workers();
            found.put(block, new AdapterRun(threads, reported, AdapterRun.cap(asked, threads, reported), floor, modules));
        }
        return found;
    }
}
