package io.parbench.engines.byo;

import io.parbench.engines.browser.PageResult;
import io.parbench.results.AdapterRun;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * What a configuration's byo pages found out beyond their samples, over its forks: the threads
 * they ran (the fewest: a cap shows in any fork), the await floor (the median) and the modules
 * they instantiated, with their verdicts.
 */
final class PageFindings {

    private final List<PageResult> answers = new ArrayList<>();

    void add(PageResult answer) {
        answers.add(answer);
    }

    AdapterRun summary(ModuleVerdicts verdicts) {
        Integer threads = fewest("threads");
        Integer reported = fewest("adapterThreads");
        int workers = answers.stream().filter(a -> a.has("workersUsed")).mapToInt(a -> a.number("workersUsed").intValue()).max().orElse(1);
        double[] floors = answers.stream().filter(a -> a.has("asyncStepFloorMicros"))
                .mapToDouble(a -> a.number("asyncStepFloorMicros").doubleValue()).toArray();
        Set<String> modules = new LinkedHashSet<>();
        answers.forEach(a -> modules.addAll(a.texts("modules")));
        return new AdapterRun(threads, reported, AdapterRun.cap(workers, threads, reported),
                floors.length == 0 ? null : new Median().evaluate(floors), verdicts.of(List.copyOf(modules)));
    }

    private Integer fewest(String key) {
        return answers.stream().filter(a -> a.has(key)).map(a -> a.number(key).intValue())
                .min(Integer::compare).orElse(null);
    }
}
