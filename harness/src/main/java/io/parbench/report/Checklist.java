package io.parbench.report;

import io.parbench.analysis.SeriesAnalysis;
import io.parbench.inspect.ThreadsReadiness;
import io.parbench.results.AdapterRun;
import io.parbench.results.BrowserProbe;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.Status;
import io.parbench.statistics.Statistics;
import io.parbench.text.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The threads-in-WASM checklist evaluated on one results document: each item passes, fails with
 * the fix, or says it was not measured (no browser engine) or not checked. Its titles and fixes
 * are worded here once, for the report and for 'parbench doctor'.
 *
 * @param headline one sentence anyone can read: whether threads in WASM work here
 */
public record Checklist(List<CheckItem> items, String headline) {

    public static final String SHARED_ARRAY_BUFFER = "SharedArrayBuffer is available";
    public static final String ISOLATION = "Cross-origin isolation is in force";
    public static final String POOL = "The worker pool starts";
    public static final String MODULE = "The module has atomics and shared memory";
    public static final String PARALLEL = "Parallel loops really run in parallel";
    public static final String FALLBACK = "The single-threaded fallback works";
    /** Checked by 'parbench doctor' on each browser. */
    public static final String SHARED_MEMORY = "A shared WebAssembly.Memory reaches a worker";

    /** A series counts as parallel when the low end of its best speedup's interval exceeds this. */
    public static final double PARALLEL_SPEEDUP = 1.1;

    // The fixes, worded once for the report and for 'parbench doctor'.
    public static final String ISOLATION_FIX = "Serve the page and every worker script with the headers"
            + " Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.";
    public static final String SUBRESOURCE_ISOLATION_FIX = "Every worker script and subresource needs"
            + " Cross-Origin-Embedder-Policy: require-corp (or a Cross-Origin-Resource-Policy header); a worker script"
            + " without it fails with net::ERR_BLOCKED_BY_RESPONSE.";
    public static final String SHARED_MEMORY_FIX = "Shared memory can only be posted to workers on a cross-origin isolated page. "
            + ISOLATION_FIX;
    public static final String WEBKIT_SHARED_ARRAY_BUFFER_FIX = "WebKitGTK has SharedArrayBuffer only with "
            + FactKeys.JSC_SHARED_ARRAY_BUFFER + "=1 in the driver's environment; parbench sets it for isolated pages, so check that"
            + " nothing in the environment overrides JSC options.";

    public Checklist {
        items = List.copyOf(items);
    }

    /** WebKitGTK's switch for SharedArrayBuffer as 'parbench doctor' found it ({@code value} of the variable). */
    public static String webKitSharedArrayBuffer(String value, boolean isolationServed) {
        return FactKeys.JSC_SHARED_ARRAY_BUFFER + "=" + value + " in the environment of WebKitWebDriver and MiniBrowser"
                + (isolationServed ? "" : " (left out with --no-isolation: Safari gives no SharedArrayBuffer to pages that are not isolated)");
    }

    public static Checklist of(ReportedRun run) {
        return of(run, engine -> true);
    }

    /** The checklist of one browser engine alone (browsers differ: one may fail where another passes). */
    public static Checklist forEngine(ReportedRun run, String engine) {
        return of(run, engine::equals);
    }

    /** The browser engines of a document that have a checklist of their own, in name order. */
    public static List<String> browserEngines(ReportedRun run) {
        return run.document().environment().engines().values().stream()
                .filter(e -> e.browser() != null)
                .map(EngineFacts::engine)
                .sorted()
                .toList();
    }

    private static Checklist of(ReportedRun run, java.util.function.Predicate<String> engines) {
        List<EngineFacts> browsers = run.document().environment().engines().values().stream()
                .filter(e -> e.browser() != null && engines.test(e.engine()))
                .sorted(Comparator.comparing(EngineFacts::engine))
                .toList();
        if (browsers.isEmpty()) {
            // The headline says why once; the items need not repeat it.
            return new Checklist(Stream.of(SHARED_ARRAY_BUFFER, ISOLATION, POOL, MODULE, PARALLEL, FALLBACK)
                    .map(title -> CheckItem.notMeasured(title, null))
                    .toList(), "Threads in WASM were not measured. " + noBrowserReason(run));
        }
        Set<String> names = browsers.stream().map(EngineFacts::engine).collect(Collectors.toSet());
        List<ConfigurationResult> results = run.configurations().stream()
                .filter(r -> names.contains(r.configuration().engine()))
                .toList();
        List<SeriesAnalysis> series = run.analysis().series().stream()
                .filter(s -> names.contains(s.key().engine()))
                .toList();
        List<CheckItem> items = List.of(
                sharedArrayBuffer(browsers),
                isolation(browsers),
                pool(browsers, results),
                module(browsers, results),
                parallel(run, browsers, series),
                fallback(browsers, results));
        return new Checklist(items, headline(items, BestSpeedup.overall(series)));
    }

    /** The worst state among the items: one failure makes the whole checklist fail. */
    public CheckState overall() {
        if (items.stream().anyMatch(i -> i.state() == CheckState.FAIL)) {
            return CheckState.FAIL;
        }
        if (items.stream().allMatch(i -> i.state() == CheckState.NOT_MEASURED)) {
            return CheckState.NOT_MEASURED;
        }
        return CheckState.PASS;
    }

    /** One sentence anyone can read. */
    private static String headline(List<CheckItem> items, Optional<BestSpeedup> best) {
        long failed = items.stream().filter(i -> i.state() == CheckState.FAIL).count();
        if (failed > 0) {
            return "Threads in WASM are not working here: " + failed + " of " + items.size() + " checks failed. The fixes are below.";
        }
        return "Threads in WASM work here" + best.map(b -> ": best speedup " + b.describe() + ".").orElse(".");
    }

    private static String noBrowserReason(ReportedRun run) {
        String unavailable = run.document().environment().engines().values().stream()
                .filter(e -> !e.available())
                .map(e -> e.engine() + " was unavailable: " + e.reason())
                .sorted()
                .collect(Collectors.joining("; "));
        return "No browser engine ran in this run" + (unavailable.isEmpty() ? "." : " (" + unavailable + ").");
    }

    private static CheckItem sharedArrayBuffer(List<EngineFacts> browsers) {
        List<EngineFacts> missing = browsers.stream().filter(b -> !b.browser().sharedArrayBuffer()).toList();
        if (missing.isEmpty()) {
            return CheckItem.pass(SHARED_ARRAY_BUFFER, "Defined in " + browserNames(browsers) + ".");
        }
        return CheckItem.fail(SHARED_ARRAY_BUFFER,
                "SharedArrayBuffer is undefined in " + browserNames(missing) + ": the page is not cross-origin isolated.",
                ISOLATION_FIX);
    }

    private static CheckItem isolation(List<EngineFacts> browsers) {
        List<EngineFacts> notIsolated = browsers.stream().filter(b -> !b.browser().crossOriginIsolated()).toList();
        if (notIsolated.isEmpty()) {
            return CheckItem.pass(ISOLATION, "crossOriginIsolated is true: COOP and COEP are in force.");
        }
        if (notIsolated.stream().anyMatch(b -> !b.browser().isolationServed())) {
            return CheckItem.fail(ISOLATION,
                    "The page was served without COOP/COEP headers (--no-isolation), so crossOriginIsolated is false.",
                    isolationFix(false));
        }
        return CheckItem.fail(ISOLATION,
                "COOP/COEP headers were sent, yet crossOriginIsolated is false in " + browserNames(notIsolated) + ".",
                isolationFix(true));
    }

    /** What to do about a page that is not cross-origin isolated, given whether the headers were sent. */
    public static String isolationFix(boolean isolationServed) {
        return isolationServed ? SUBRESOURCE_ISOLATION_FIX : "Run without --no-isolation. " + ISOLATION_FIX;
    }

    private static CheckItem pool(List<EngineFacts> browsers, List<ConfigurationResult> results) {
        Optional<BrowserProbe> noThreads = browsers.stream()
                .map(EngineFacts::browser)
                .filter(b -> !b.wasmThreads())
                .findFirst();
        if (noThreads.isPresent()) {
            return CheckItem.fail(POOL,
                    "A shared WebAssembly.Memory could not be handed to a worker"
                            + (noThreads.get().wasmThreadsError() == null ? "." : ": " + noThreads.get().wasmThreadsError()),
                    SHARED_MEMORY_FIX);
        }
        List<ConfigurationResult> threaded = results.stream().filter(r -> r.configuration().workers() > 1).toList();
        if (threaded.isEmpty()) {
            return CheckItem.notMeasured(POOL, "No browser configuration used more than one worker.");
        }
        List<ConfigurationResult> ok = threaded.stream().filter(r -> r.status() == Status.OK).toList();
        if (ok.isEmpty()) {
            boolean allFellBack = threaded.stream().allMatch(r -> r.status() == Status.FALLBACK);
            return CheckItem.fail(POOL,
                    (allFellBack ? "Every threaded configuration fell back to one thread: " : "No threaded configuration ran: ")
                            + reasons(threaded) + ".",
                    "Helpers must be Web Workers that receive the compiled module and the shared memory by postMessage"
                            + " and report ready through shared memory; see the reasons under Failures and fallbacks.");
        }
        long failed = threaded.stream().filter(r -> r.status() == Status.FAILED).count();
        return CheckItem.pass(POOL, startupSummary(ok)
                + (failed > 0 ? " " + failed + " threaded configuration" + (failed == 1 ? "" : "s") + " failed (see Failures and fallbacks)." : ""));
    }

    /** Median pool start-up time per worker count, e.g. "Started in 3.10 ms (W=2), 6.20 ms (W=4)". */
    private static String startupSummary(List<ConfigurationResult> ok) {
        Map<Integer, List<Double>> byWorkers = new TreeMap<>();
        for (ConfigurationResult r : ok) {
            if (r.poolStartupMillis() != null) {
                byWorkers.computeIfAbsent(r.configuration().workers(), w -> new ArrayList<>()).add(r.poolStartupMillis());
            }
        }
        if (byWorkers.isEmpty()) {
            return "The pool started in " + ok.size() + " threaded configurations (start-up time not reported).";
        }
        return "Started in " + byWorkers.entrySet().stream()
                .map(e -> Format.millis(Statistics.median(e.getValue())) + " (W=" + e.getKey() + ")")
                .collect(Collectors.joining(", "))
                + ", median over kernels.";
    }

    private static CheckItem module(List<EngineFacts> browsers, List<ConfigurationResult> results) {
        List<String> lacking = new ArrayList<>();
        List<String> inspected = new ArrayList<>();
        boolean allTrue = true;
        for (EngineFacts b : browsers) {
            List<AdapterRun.ModuleVerdict> instantiated = results.stream()
                    .filter(r -> r.configuration().engine().equals(b.engine()) && r.adapter() != null)
                    .flatMap(r -> r.adapter().modules().stream()).distinct().toList();
            if (!instantiated.isEmpty()) {
                // byo: the modules its pages instantiated, as parbench inspect judged them.
                instantiated.forEach(m -> (m.threadsReady() ? inspected : lacking).add(b.engine() + ": " + m.file() + " is " + m.verdict()));
                continue;
            }
            String sharedMemory = b.facts().get(FactKeys.WASM_SHARED_MEMORY);
            String atomics = b.facts().get(FactKeys.WASM_ATOMICS);
            if ("false".equals(sharedMemory)) {
                lacking.add(b.engine() + ": no shared memory");
            }
            if ("false".equals(atomics)) {
                lacking.add(b.engine() + ": no atomics");
            }
            allTrue &= "true".equals(sharedMemory) && "true".equals(atomics);
        }
        if (!lacking.isEmpty()) {
            return CheckItem.fail(MODULE, "The WASM module lacks what threads need (" + String.join("; ", lacking) + ").",
                    "Build it for threads (with clang: " + ThreadsReadiness.CLANG_THREADS_FLAGS + "); 'parbench inspect MODULE.wasm'"
                            + " checks the result and names the flags of its toolchain.");
        }
        if (allTrue) {
            return CheckItem.pass(MODULE, "The module imports a shared memory and uses atomics"
                    + (inspected.isEmpty() ? "." : " (parbench inspect on the modules the pages instantiated: " + String.join("; ", inspected) + ")."));
        }
        return CheckItem.notChecked(MODULE, "The module was not inspected in this run ('parbench inspect MODULE.wasm' checks it).");
    }

    private static CheckItem parallel(ReportedRun run, List<EngineFacts> browsers, List<SeriesAnalysis> series) {
        // The machine's cores, not the browser's navigator.hardwareConcurrency (WebKitGTK says 4 on 2 cores).
        int cores = run.document().environment().logicalCores();
        if (cores == 1) {
            return CheckItem.notMeasured(PARALLEL, "The machine has one logical core: more workers cannot run faster.");
        }
        List<BestSpeedup> best = BestSpeedup.perSeries(series);
        if (best.isEmpty()) {
            return CheckItem.notMeasured(PARALLEL, "No configuration ran with more than one thread, so there is no speedup to judge.");
        }
        BestSpeedup top = BestSpeedup.overall(series).orElseThrow();
        long parallel = best.stream().filter(BestSpeedup::parallel).count();
        String summary = "Best: " + top.describe() + "; " + parallel + " of " + best.size()
                + " kernel series ran measurably faster (interval above " + Format.times(PARALLEL_SPEEDUP) + ").";
        if (parallel > 0) {
            return CheckItem.pass(PARALLEL, summary);
        }
        return CheckItem.fail(PARALLEL, "No kernel ran measurably faster with more workers. " + summary,
                "Check that helpers take work (grain size; every helper started and woke up) and that nothing"
                        + " serialises the loop (a lock, a shared counter, the main thread). Memory-bound kernels can be"
                        + " capped by memory bandwidth: compare with the native engine.");
    }

    private static CheckItem fallback(List<EngineFacts> browsers, List<ConfigurationResult> results) {
        List<ConfigurationResult> fellBack = results.stream().filter(r -> r.status() == Status.FALLBACK).toList();
        boolean threadsMissing = browsers.stream().anyMatch(b -> !b.browser().wasmThreads() || !b.browser().sharedArrayBuffer());
        if (!fellBack.isEmpty()) {
            long empty = fellBack.stream().filter(r -> r.flatSamples().isEmpty()).count();
            if (empty > 0) {
                return CheckItem.fail(FALLBACK, empty + " fallback configuration(s) measured nothing: " + reasons(fellBack) + ".",
                        "The single-threaded path must run the same kernel with no workers and no shared memory.");
            }
            return CheckItem.pass(FALLBACK, fellBack.size() + " configuration" + (fellBack.size() == 1 ? "" : "s")
                    + " ran single-threaded instead, flagged: " + reasons(fellBack) + ".");
        }
        List<ConfigurationResult> failedThreaded = results.stream()
                .filter(r -> r.status() == Status.FAILED && r.configuration().workers() > 1)
                .toList();
        if (threadsMissing && !failedThreaded.isEmpty()) {
            return CheckItem.fail(FALLBACK, "Threads were unavailable and " + failedThreaded.size()
                            + " threaded configurations failed instead of running single-threaded.",
                    "Detect a page that is not cross-origin isolated up front (self.crossOriginIsolated, typeof"
                            + " SharedArrayBuffer) and run the kernel single-threaded, flagged as a fallback.");
        }
        return CheckItem.notMeasured(FALLBACK,
                "Threads were available, so no fallback was needed (run with --no-isolation to exercise it).");
    }

    private static String browserNames(List<EngineFacts> browsers) {
        return browsers.stream()
                .map(b -> b.engine() + " (" + b.browser().browser() + " " + b.browser().version() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The distinct reasons, most frequent first, at most three. */
    private static String reasons(List<ConfigurationResult> results) {
        Map<String, Long> counts = results.stream()
                .map(r -> Objects.requireNonNullElse(r.reason(), "no reason given"))
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(Map.Entry::getKey)
                .collect(Collectors.joining("; "));
    }
}
