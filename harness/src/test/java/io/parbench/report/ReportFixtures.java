package io.parbench.report;

import io.parbench.gate.NoiseModel;
import io.parbench.gate.RunDocuments;
import io.parbench.results.AdapterRun;
import io.parbench.results.BrowserProbe;
import io.parbench.results.Configuration;
import io.parbench.results.ConfigurationResult;
import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.FactKeys;
import io.parbench.results.ForkRecord;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import io.parbench.results.RunDocument;
import io.parbench.results.RunInfo;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic results documents for report tests, built from seeded samples: throughputs follow
 * the Universal Scalability Law with Gaussian noise, 2 forks × 5 iterations per configuration.
 */
public final class ReportFixtures {

    static final List<Integer> WORKERS = List.of(1, 2, 4);
    static final List<String> ALL_KERNELS = List.of("sum", "histogram", "axpy", "nbody", "mandelbrot", "sort", "forkjoin");
    private static final MeasurementSettings SETTINGS = new MeasurementSettings(2, 2, 5, 1000);
    private static final Instant START = Instant.parse("2025-06-02T09:30:00Z");

    private ReportFixtures() {}

    /** A healthy laptop run: native, jvm (with a JDK sort variant) and isolated chromium; one failure, one noisy configuration. */
    /** A 4-core machine on which W=4 read 5× the one-worker throughput: more than the cores can give. */
    static RunDocument speedupAboveTheCores() {
        return RunDocuments.run(NoiseModel.IID_3, 7)
                .series("native", "nbody", 2048, Map.of(1, 100.0, 2, 190.0, 4, 500.0), 1)
                .labelled("run")
                .document();
    }

    /**
     * native and chromium sum with the pool's accounting: serial fractions 0.1 and 0.3, lost to idle
     * workers; native axpy whose work per step at W > 1 takes 0.9 of its time at W = 1: superlinear.
     */
    static RunDocument accounted() {
        return accounted(4);
    }

    /** As {@link #accounted()}, on a machine of {@code cores} logical cores. */
    static RunDocument accounted(int cores) {
        return new Builder("box", cores, 17L)
                .engine(EngineFacts.available("native", Map.of()))
                .engine(chromium(true, true))
                .accountedSeries("native", "sum", 1 << 20, 2400, 0.1)
                .accountedSeries("chromium", "sum", 1 << 20, 1100, 0.3)
                .series("native", "mandelbrot", null, 256, 95, 0.02, 0.0, 0.01)
                .accountedSeries("native", "axpy", 1 << 20, 3000, 0, 0.9)
                .build(true);
    }

    /** The healthy run, two of whose firefox pages got stuck before measuring: one was retried once, one twice. */
    static RunDocument healthyWithRetries() {
        RunDocument doc = healthy();
        SeriesKey nbody = new SeriesKey("firefox", "nbody", null, 512);
        List<ForkRecord> forks = List.of(
                new ForkRecord(1, nbody, WORKERS, Status.OK, null, 12, 12, null, 800.0, 12.0, 2, START, List.of("retried: stuck")),
                new ForkRecord(2, nbody, WORKERS, Status.OK, null, 12, 12, null, 750.0, 12.0, 1, START, List.of()),
                new ForkRecord(3, nbody, WORKERS, Status.OK, null, 12, 12, null, 790.0, 12.0, 3, START, List.of("retried: stuck", "retried: stuck")));
        return new RunDocument(doc.format(), doc.version(), doc.run(), doc.environment(), forks, doc.configurations());
    }

    public static RunDocument healthy() {
        Builder b = new Builder("laptop-a", 4, 11L)
                .engine(EngineFacts.available("native", Map.of("library", "/opt/parbench/libparbench.so")))
                .engine(EngineFacts.available("jvm", Map.of("jdk", "Temurin 25")))
                .engine(chromium(true, true));
        b.series("native", "sum", null, 1 << 20, 2400, 0.35, 0.02, 0.01);
        b.series("jvm", "sum", null, 1 << 20, 1500, 0.30, 0.02, 0.015);
        b.series("chromium", "sum", null, 1 << 20, 1100, 0.40, 0.03, 0.02);
        b.series("native", "mandelbrot", null, 256, 95, 0.02, 0.0, 0.01);
        b.series("jvm", "mandelbrot", null, 256, 70, 0.03, 0.0, 0.012);
        b.series("chromium", "mandelbrot", null, 256, 52, 0.04, 0.002, 0.09);
        b.series("native", "sort", null, 1 << 18, 160, 0.15, 0.01, 0.01);
        b.series("jvm", "sort", null, 1 << 18, 120, 0.12, 0.01, 0.012);
        b.series("jvm", "sort", "jdk", 1 << 18, 150, 0.10, 0.01, 0.012);
        b.failedAt("chromium", "sort", 1 << 18, 4, "checksum mismatch: expected 9f2c41d07a3b55e1, got 0000000000000000");
        b.seriesExcept("chromium", "sort", null, 1 << 18, 90, 0.2, 0.02, 0.02, 4);
        return b.build(true);
    }

    /** A run on a page without cross-origin isolation: chromium fell back to one thread; interrupted before the end. */
    public static RunDocument fallbackPartial() {
        Builder b = new Builder("ci-runner-7", 2, 12L)
                .engine(EngineFacts.available("native", Map.of()))
                .engine(chromium(false, false));
        b.series("native", "sum", null, 1 << 20, 2100, 0.4, 0.03, 0.012);
        b.series("native", "mandelbrot", null, 256, 80, 0.02, 0.0, 0.01);
        b.fallbackSeries("chromium", "sum", 1 << 20, 1000, "threads unavailable: the page is not cross-origin isolated");
        b.fallbackSeries("chromium", "mandelbrot", 256, 48, "threads unavailable: the page is not cross-origin isolated");
        return b.build(false);
    }

    /** Seven kernels on three engines: the size a real default run has. */
    public static RunDocument allKernels() {
        Builder b = new Builder("workstation", 8, 13L)
                .engine(EngineFacts.available("native", Map.of()))
                .engine(EngineFacts.available("jvm", Map.of()))
                .engine(chromium(true, true));
        double base = 3000;
        for (String kernel : ALL_KERNELS) {
            b.series("native", kernel, null, 1 << 20, base, 0.1, 0.01, 0.01);
            b.series("jvm", kernel, null, 1 << 20, base * 0.7, 0.1, 0.01, 0.015);
            b.series("chromium", kernel, null, 1 << 20, base * 0.5, 0.15, 0.01, 0.02);
            base /= 3;
        }
        return b.build(true);
    }

    /** Three browsers and native on a 2-core machine: WebKit pays far more per parallel region. */
    public static RunDocument browsers() {
        Builder b = new Builder("two-cores", 2, 15L)
                .engine(EngineFacts.available("native", Map.of()))
                .engine(chromium(true, true))
                .engine(browser("firefox", "153.8.0", "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0", 2, true))
                .engine(browser("webkit", "2.50.6", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)", 4, false));
        b.series("native", "nbody", null, 512, 2000, 0.02, 0.0, 0.01);
        b.series("chromium", "nbody", null, 512, 1000, 0.04, 0.0, 0.01);
        b.series("firefox", "nbody", null, 512, 900, 0.05, 0.0, 0.01);
        b.series("webkit", "nbody", null, 512, 700, 0.5, 0.0, 0.01);
        b.series("native", "forkjoin", null, 1024, 200_000, 0.6, 0.0, 0.01);
        b.series("chromium", "forkjoin", null, 1024, 50_000, 0.7, 0.0, 0.01);
        b.series("firefox", "forkjoin", null, 1024, 40_000, 0.7, 0.0, 0.01);
        b.series("webkit", "forkjoin", null, 1024, 20_000, 3.0, 0.0, 0.01);
        return b.build(true);
    }

    /**
     * The tfjs example in one browser (byo): its matMuls at 1, 2 and 4 workers, capped at {@code cap}
     * threads by the library, with an await floor when {@code floorMicros} is given.
     */
    public static RunDocument byo(String browser, String version, int cap, Double floorMicros) {
        BrowserProbe probe = new BrowserProbe(browser, version, "Mozilla/5.0", 2 * cap, true, true, true, 0.005, true, null);
        Map<String, String> facts = Map.of(FactKeys.ADAPTER, "/src/examples/tfjs-backend-wasm/adapter.js", FactKeys.BROWSER, browser,
                FactKeys.KERNEL, "tfjs-matmul", FactKeys.UNIT, "matMul");
        Builder b = new Builder("two-cores", 2, 16L).engine(new EngineFacts("byo", true, null, null, facts, probe));
        b.byoSeries("tfjs-matmul", 256, 300, cap, floorMicros);
        return b.build(true);
    }

    static EngineFacts browser(String engine, String version, String userAgent, int hardwareConcurrency, boolean sharedArrayBuffer) {
        BrowserProbe probe = new BrowserProbe(engine, version, userAgent, hardwareConcurrency, true, true, sharedArrayBuffer, 0.02,
                sharedArrayBuffer, sharedArrayBuffer ? null : "TypeError: shared memory is not available");
        return new EngineFacts(engine, true, null, null, Map.of(FactKeys.WASM_SHARED_MEMORY, "true", FactKeys.WASM_ATOMICS, "true"), probe);
    }

    /** A document whose run measured nothing. */
    public static RunDocument empty() {
        return new Builder("laptop-a", 4, 14L).engine(EngineFacts.available("native", Map.of())).build(false);
    }

    /**
     * More configurations than a report can draw: native and chromium, every kernel, ever more
     * sizes, workers 1, 2, 4; three samples each (as a quick profile's single fork), scaling to 2.
     */
    public static RunDocument many(int configurations) {
        Builder b = new Builder("big-box", 64, 16L).engine(EngineFacts.available("native", Map.of())).engine(chromium(true, true));
        Random random = new Random(17);
        for (long size = 1024; b.results.size() < configurations; size++) {
            for (String engine : List.of("native", "chromium")) {
                for (String kernel : ALL_KERNELS) {
                    for (int w : WORKERS) {
                        if (b.results.size() < configurations) {
                            double mean = 1000.0 * Math.min(w, 2);
                            b.results.add(b.result(new Configuration(engine, kernel, null, size, w), Status.OK, null,
                                    List.of(List.of(mean * (1 + 0.01 * random.nextGaussian()), mean, mean * 1.01)), null, null, List.of()));
                        }
                    }
                }
            }
        }
        return b.build(true);
    }

    static EngineFacts chromium(boolean isolated, boolean inspected) {
        BrowserProbe probe = new BrowserProbe("Chromium", "140.0.7339.185",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
                4, isolated, isolated, isolated, isolated ? 0.005 : 0.1, isolated,
                isolated ? null : "DataCloneError: Failed to execute 'postMessage' on 'Worker': SharedArrayBuffer transfer requires self.crossOriginIsolated.");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("executable", "/usr/bin/chromium");
        if (inspected) {
            facts.put(FactKeys.WASM_SHARED_MEMORY, "true");
            facts.put(FactKeys.WASM_ATOMICS, "true");
        }
        return new EngineFacts("chromium", true, null, null, facts, probe);
    }

    static final class Builder {
        private final String host;
        private final int cores;
        private final Random random;
        private final Map<String, EngineFacts> engines = new LinkedHashMap<>();
        private final List<ConfigurationResult> results = new ArrayList<>();

        Builder(String host, int cores, long seed) {
            this.host = host;
            this.cores = cores;
            this.random = new Random(seed);
        }

        Builder engine(EngineFacts facts) {
            engines.put(facts.engine(), facts);
            return this;
        }

        /** A series whose mean throughput follows the USL: x(W) = base W / (1 + sigma (W-1) + kappa W (W-1)). */
        Builder series(String engine, String kernel, String variant, long size, double base, double sigma, double kappa, double cv) {
            return seriesExcept(engine, kernel, variant, size, base, sigma, kappa, cv, -1);
        }

        Builder seriesExcept(String engine, String kernel, String variant, long size, double base, double sigma, double kappa,
                double cv, int skippedWorkers) {
            for (int w : WORKERS) {
                if (w != skippedWorkers) {
                    double mean = base * w / (1 + sigma * (w - 1) + kappa * w * (w - 1));
                    Configuration c = new Configuration(engine, kernel, variant, size, w);
                    boolean browser = engines.get(engine) != null && engines.get(engine).browser() != null;
                    results.add(result(c, Status.OK, null, samples(mean, cv), w > 1 && browser ? 2.5 + 1.5 * w : null,
                            browser ? 12.0 : null, List.of()));
                }
            }
            return this;
        }

        /**
         * A series with the pool's accounting, of a kernel with serial fraction f: the helpers sleep
         * through the serial part of each step, so the speedup is lost to idle workers.
         */
        Builder accountedSeries(String engine, String kernel, long size, double base, double serialFraction) {
            return accountedSeries(engine, kernel, size, base, serialFraction, 1);
        }

        /** As above, the parallel work at W > 1 taking {@code parallelWork} times as long per step as at W = 1 (below 1: superlinear). */
        Builder accountedSeries(String engine, String kernel, long size, double base, double serialFraction, double parallelWork) {
            double t1 = 1e9 / base;
            for (int w : WORKERS) {
                double share = (1 - serialFraction) * t1 / w * (w == 1 ? 1 : parallelWork);
                double tW = serialFraction * t1 + share;
                ConfigurationResult r = result(new Configuration(engine, kernel, null, size, w), Status.OK, null, samples(1e9 / tW, 0.01),
                        null, null, List.of());
                long steps = 1000;
                List<PoolAccounting.WorkerTimes> workers = new ArrayList<>();
                for (int i = 0; i < w; i++) {
                    long busy = Math.round(steps * (i == 0 ? tW : share));
                    workers.add(new PoolAccounting.WorkerTimes(busy, 0L, Math.round(steps * tW) - busy, 0L, 0L, 0L, 0L, 0L, 0L));
                }
                PointAccounting fork = new PointAccounting(5, Math.round(steps * tW), steps, new PoolAccounting("pb_pool", workers, steps),
                        null);
                results.add(new ConfigurationResult(r.configuration(), r.status(), r.reason(), r.samples(), r.sources(), r.checksum(),
                        r.expectedChecksum(), r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes(), null,
                        r.samples().stream().map(f -> fork).toList()));
            }
            return this;
        }

        /** A byo series whose pages ran min(W, cap) threads, the library's own count as threads() reports it. */
        Builder byoSeries(String kernel, long size, double base, int cap, Double floorMicros) {
            for (int w : WORKERS) {
                int threads = Math.min(w, cap);
                ConfigurationResult r = result(new Configuration("byo", kernel, null, size, w), Status.OK, null,
                        samples(base * threads, 0.01), 40.0, 12.0, List.of());
                AdapterRun adapter = new AdapterRun(threads, threads, AdapterRun.cap(w, threads, threads), floorMicros,
                        List.of(new AdapterRun.ModuleVerdict("tfjs-backend-wasm-threaded-simd.wasm", true, "threads-ready")));
                results.add(new ConfigurationResult(r.configuration(), r.status(), r.reason(), r.samples(), r.sources(), r.checksum(), r.expectedChecksum(),
                        r.poolStartupMillis(), r.mainThreadMaxGapMillis(), r.measuredAt(), r.notes(), adapter));
            }
            return this;
        }

        Builder fallbackSeries(String engine, String kernel, long size, double base, String reason) {
            for (int w : WORKERS) {
                Configuration c = new Configuration(engine, kernel, null, size, w);
                Status status = w == 1 ? Status.OK : Status.FALLBACK;
                results.add(result(c, status, w == 1 ? null : reason, samples(base, 0.02), null, 140.0,
                        w == 1 ? List.of() : List.of("console warning: SharedArrayBuffer is not defined")));
            }
            return this;
        }

        Builder failedAt(String engine, String kernel, long size, int workers, String reason) {
            Configuration c = new Configuration(engine, kernel, null, size, workers);
            results.add(result(c, Status.FAILED, reason, List.of(), null, null, List.of()));
            return this;
        }

        private ConfigurationResult result(Configuration c, Status status, String reason, List<List<Double>> samples,
                Double poolStartup, Double gap, List<String> notes) {
            Instant at = START.plusSeconds(10L * results.size());
            return new ConfigurationResult(c, status, reason, samples, status == Status.FAILED ? null : "9f2c41d07a3b55e1",
                    "9f2c41d07a3b55e1", poolStartup, gap, at, notes);
        }

        private List<List<Double>> samples(double mean, double cv) {
            List<List<Double>> forks = new ArrayList<>();
            for (int f = 0; f < SETTINGS.forks(); f++) {
                List<Double> fork = new ArrayList<>();
                for (int i = 0; i < SETTINGS.iterations(); i++) {
                    fork.add(mean * (1 + cv * random.nextGaussian()));
                }
                forks.add(fork);
            }
            return forks;
        }

        RunDocument build(boolean complete) {
            Instant finished = START.plus(Duration.ofSeconds(10L * results.size() + 5));
            RunInfo run = new RunInfo("0.1.0", List.of("parbench", "run", "--profile", "quick", "--engines", String.join(",", engines.keySet()),
                    "--out", "reports/" + host + " run/results.json"), START, complete ? finished : null, complete, 42, "quick", SETTINGS);
            Environment env = new Environment(host, "Linux 6.1.0-18-amd64", "amd64", "Intel(R) Core(TM) i7-1165G7 @ 2.80GHz",
                    cores, 16L << 30, "OpenJDK 64-Bit Server VM 25+36-LTS (Eclipse Adoptium)", engines);
            return new RunDocument(RunDocument.FORMAT, RunDocument.VERSION, run, env, List.of(), results);
        }
    }
}
