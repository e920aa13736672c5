package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.browser.BrowserEngineOptions;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.wasm.WasmEngine;
import io.parbench.results.Configuration;
import io.parbench.results.EngineFacts;
import io.parbench.results.MachineAccounting;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real page with a pool of W = 2 in each local browser: its worker threads are found by name in
 * the processes the browser started (WorkerThreads), one per worker (the driver worker is worker
 * 0), each having run a share of the steps, and together most of what threads of those names
 * ran. Browsers not installed here are skipped with the reason.
 */
class BrowserWorkerThreadsTest {

    private static final int WORKERS = 2;
    /** A few short blocks: enough for every worker to run steps, no speed asserted. */
    private static final MeasurementSettings SHORT = new MeasurementSettings(1, 0, 3, 100);
    /** More than an idle worker thread's occasional wake-up. */
    private static final long WORKED_NS = 1_000_000;
    /** The share of the CPU time of threads named as workers that the page's workers ran, at least. */
    private static final double OF_THE_NAMES = 0.8;

    @ParameterizedTest
    @EnumSource(names = {"CHROMIUM", "FIREFOX", "WEBKIT"})
    void aPagesWorkerThreadsAreFoundByName(BrowserKind browser) throws Exception {
        WorkerThreads names = WorkerThreads.of(browser.id()).orElseThrow();
        BrowserEngineOptions options = BrowserEngineOptions.defaults().withBrowser(browser).withMinimumWarmup(Duration.ZERO)
                .withForkTimeout(Duration.ofSeconds(60));
        try (WasmEngine engine = new WasmEngine(options)) {
            EngineFacts facts = engine.probe();
            assumeTrue(facts.available(), () -> browser.id() + " is not available here: " + facts.reason());
            long sampled = ProcFiles.nowEpochNs();
            try (MachineSampler sampler = MachineSampler.start(ProcessTree.browser(browser.id(), engine.driver()::browserProcess), names)) {
                long start = quietAfterTheProbe(sampler, sampled);
                SingleConfiguration.Result measured = SingleConfiguration.measure(engine,
                        new Configuration(browser.id(), "nbody", null, 256, WORKERS), SHORT);
                assertEquals(Status.OK, measured.status(), measured.reason());
                MachineAccounting window = sampler.between(start, ProcFiles.nowEpochNs());
                assertNull(window.unavailable());
                int pages = measured.forks().stream().mapToInt(ForkMeasurement::attempts).sum();
                List<MachineAccounting.ThreadTimes> byCpu = window.threads().stream()
                        .sorted(Comparator.comparingLong(MachineAccounting.ThreadTimes::cpuNs).reversed()).toList();
                Supplier<String> found = () -> window + "; worker threads alive after the page: " + aliveWorkers(engine, browser, names);
                assertTrue(byCpu.size() >= WORKERS * pages, () -> "a thread for each worker of each page: " + found.get());
                // The pool's workers are the busiest, each running a share of the steps. Beside them threads of the same
                // names may run a little: Firefox tears down the last page's workers meanwhile (ms), and WebKit once ran a
                // third "WebCore: Worker" at 10% of the workers' CPU under load (CI, December 6; its cause is not known).
                List<MachineAccounting.ThreadTimes> workers = byCpu.subList(0, WORKERS * pages);
                long busiest = workers.getFirst().cpuNs();
                workers.forEach(thread -> assertTrue(thread.cpuNs() >= busiest / 20, () -> "every worker ran steps: " + found.get()));
                assertTrue(cpuNs(workers) >= OF_THE_NAMES * cpuNs(byCpu),
                        () -> "the workers ran most of what threads of their names did in the window: " + found.get());
            }
        }
    }

    private static long cpuNs(List<MachineAccounting.ThreadTimes> threads) {
        return threads.stream().mapToLong(MachineAccounting.ThreadTimes::cpuNs).sum();
    }

    /** For a failure's message: the threads of the workers' names in the browser's processes now, "pid (process) tid". */
    private static List<String> aliveWorkers(WasmEngine engine, BrowserKind browser, WorkerThreads names) {
        return ProcessTree.browser(browser.id(), engine.driver()::browserProcess).pids().stream()
                .flatMap(pid -> ProcFiles.threads(pid).stream().filter(tid -> names.matches(String.valueOf(ProcFiles.name(pid, tid))))
                        .map(tid -> pid + " (" + ProcFiles.name(pid, pid) + ") " + tid))
                .toList();
    }

    /**
     * When no worker thread has run for a while: the probe's page (before the sampler) is gone.
     * Firefox keeps idle worker threads for reuse, so one may still wake now and then.
     */
    private static long quietAfterTheProbe(MachineSampler sampler, long sampledFrom) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long quietNs = Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(Duration.ofNanos(quietNs / 3));
            long now = ProcFiles.nowEpochNs();
            if (now - quietNs <= sampledFrom) {
                continue;
            }
            MachineAccounting recent = sampler.between(now - quietNs, now);
            if (recent.threads().stream().allMatch(t -> t.cpuNs() < WORKED_NS)) {
                return now;
            }
        }
        throw new AssertionError("the probe's worker threads were still running after 2 minutes");
    }
}
