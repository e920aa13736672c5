package io.parbench.cli;

import io.parbench.engines.Block;
import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.ForkMeasurement;
import io.parbench.engines.ForkPlan;
import io.parbench.engines.RemoteEndpoint;
import io.parbench.engines.browser.BrowserEngine;
import io.parbench.engines.browser.BrowserKind;
import io.parbench.engines.browser.remote.EndpointStatus;
import io.parbench.engines.browser.webdriver.WebDriverClient;
import io.parbench.kernels.KernelSpec;
import io.parbench.report.Checklist;
import io.parbench.results.BrowserProbe;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import io.parbench.run.EngineRegistry;
import io.parbench.run.ExpectedChecksums;
import io.parbench.text.ErrorText;
import io.parbench.text.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parbench doctor}: the threads-in-WASM checklist and every engine's prerequisites, each
 * check with the fix when it fails. Exit 1 when an engine cannot run.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks that every engine can run here (JDK, native library, each browser: found, launches, cross-origin isolation, SharedArrayBuffer, WASM threads) and says how to fix what fails.")
public final class DoctorCommand implements Callable<Integer> {

    /** One short iteration is enough: the smoke job proves threads work, it measures nothing. */
    private static final MeasurementSettings SMOKE_SETTINGS = new MeasurementSettings(1, 0, 1, 100);

    @Spec CommandSpec spec;

    @Option(names = "--browser-path", paramLabel = "FILE", description = "Browser executable to check instead of the one found on PATH.")
    Path browserPath;

    @Option(names = "--no-isolation", description = "Check what pages served without COOP/COEP get.")
    boolean noIsolation;

    @Option(names = "--browser", defaultValue = "chromium", completionCandidates = BrowserKind.Names.class,
            description = "With --webdriver-url: the remote browser to check (${COMPLETION-CANDIDATES}). Default: ${DEFAULT-VALUE}.")
    String browser;

    @Mixin RemoteBrowserOptions remoteBrowser;

    private PrintWriter out;
    private boolean allReady = true;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        int jdk = Runtime.version().feature();
        check(jdk >= 25, "JDK " + Runtime.version() + " (" + System.getProperty("java.home") + ")",
                "parbench needs JDK 25 or newer: install one and set JAVA_HOME to it.");
        RemoteEndpoint remote = remoteBrowser.endpoint(browser);
        int cores = Runtime.getRuntime().availableProcessors();
        if (remote == null) {
            check(true, "hardware concurrency: " + cores + " logical cores (worker sweeps go up to " + 2 * cores + ")", null);
        } else if (!endpointOffers(remote, BrowserKind.parse(browser))) {
            out.println();
            out.println("Some engines cannot run here: see the fixes above.");
            return ExitCodes.FAILURES;
        }

        EngineOptions options = new EngineOptions(KernelSpec.DEFAULT_SEED, browser, browserPath, !noIsolation, Duration.ofSeconds(60), null)
                .withRemote(remote);
        ExpectedChecksums expected = ExpectedChecksums.fromReference(KernelSpec.DEFAULT_SEED);
        // With --webdriver-url only the remote browser is checked: this machine's engines are not what it asks about.
        for (String name : remote == null ? EngineRegistry.BUILT_IN : List.of(BrowserKind.parse(browser).id())) {
            out.println();
            out.println("engine " + name + ":");
            try (Engine engine = EngineRegistry.create(name, options)) {
                EngineFacts facts = engine.probe();
                if (engine instanceof BrowserEngine) {
                    browserLaunch(facts);
                } else {
                    check(facts.available(), "available" + (facts.available() ? " (" + describe(facts.facts()) + ")" : ": " + facts.reason()), facts.fix());
                }
                if (facts.browser() != null) {
                    browserChecks(facts.browser(), facts.facts(), remote == null ? cores : facts.browser().hardwareConcurrency());
                }
                if (facts.available()) smoke(engine, expected);
            }
        }
        out.println();
        out.println(allReady ? "All engines are ready." : "Some engines cannot run here: see the fixes above.");
        return allReady ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    /**
     * What the WebDriver endpoint says of itself: a Grid lists every slot of its nodes. Whether it
     * offers the browser is the first check, as a Grid queues a request it cannot serve for minutes.
     *
     * @return whether to go on and check the browser there
     */
    private boolean endpointOffers(RemoteEndpoint remote, BrowserKind kind) {
        out.println();
        out.println("WebDriver endpoint " + remote.shownUrl() + ":");
        EndpointStatus status;
        try {
            status = EndpointStatus.of(new WebDriverClient(remote.webDriverUrl()).status());
        } catch (IOException e) {
            check(false, "Answers GET /status: " + ErrorText.summary(e.getMessage()),
                    "check --webdriver-url (a Selenium Grid's or WebDriver server's URL, e.g. http://grid.example:4444) and that it runs");
            return false;
        }
        if (status.grid()) {
            out.println("  a Selenium Grid (" + status.message() + "); its nodes' slots:" + (status.slots().isEmpty() ? " none" : ""));
            status.slots().forEach(slot -> out.println("      " + slot.describe()));
            String whyNot = status.whyNot(kind, Set.of());
            check(whyNot == null, whyNot == null ? "A node that is up offers " + kind.id() + " (" + kind.webDriverName() + ")" : whyNot,
                    "start a node with " + kind.webDriverName() + " (README: Browsers on other machines), or check a browser it offers"
                            + " with --browser");
            return whyNot == null;
        }
        check(status.ready(), "WebDriver server " + (status.ready() ? "ready" : "not ready") + ": " + status.message(),
                "end the sessions that hold it, or restart it");
        return true; // a single server that is busy may still be worth the browser checks
    }

    /** Found, and launched far enough to answer the probe page: two checks, so the fix says which failed. */
    private void browserLaunch(EngineFacts facts) {
        String executable = facts.facts().get(FactKeys.EXECUTABLE);
        if (!facts.available() && executable == null && facts.reason().contains("not found")) {
            check(false, "Browser found: " + facts.reason(), facts.fix());
            return;
        }
        check(true, "Browser found" + (executable == null ? "" : ": " + executable + " (" + facts.facts().get(FactKeys.EXECUTABLE_SOURCE) + ")"), null);
        check(facts.available(), "Launches and answers the probe page"
                + (facts.available() ? " (driven by " + facts.facts().get(FactKeys.DRIVER) + ")" : ": " + facts.reason()), facts.fix());
    }

    private void browserChecks(BrowserProbe b, Map<String, String> facts, int cores) {
        check(true, b.browser() + " " + b.version() + ", navigator.hardwareConcurrency " + b.hardwareConcurrency()
                + (b.hardwareConcurrency() == cores ? "" : " (parbench plans with the machine's " + cores + " cores)"), null);
        check(b.crossOriginIsolated(), Checklist.ISOLATION, Checklist.isolationFix(b.isolationServed()));
        check(b.sharedArrayBuffer(), Checklist.SHARED_ARRAY_BUFFER, Checklist.ISOLATION_FIX);
        String jsc = facts.get(FactKeys.JSC_SHARED_ARRAY_BUFFER);
        if (jsc != null) {
            check(!b.isolationServed() || (jsc.equals("1") && b.sharedArrayBuffer()), Checklist.webKitSharedArrayBuffer(jsc, b.isolationServed()),
                    Checklist.WEBKIT_SHARED_ARRAY_BUFFER_FIX);
        }
        check(b.wasmThreads(), Checklist.SHARED_MEMORY + (b.wasmThreadsError() == null ? "" : ": " + b.wasmThreadsError()),
                Checklist.SHARED_MEMORY_FIX);
        check(true, "Timer resolution " + Format.millis(b.timerResolutionMillis()), null);
    }

    /** Runs the smoke configuration: proves threads really work on this engine, not just that it loads. */
    private void smoke(Engine engine, ExpectedChecksums expected) {
        // The smallest real parallel job: a parallel region on two workers, verified by its checksum.
        ForkPlan fork = new ForkPlan(new SeriesKey(engine.name(), KernelSpec.FORKJOIN.id(), null, 1024), List.of(Block.of(2)), SMOKE_SETTINGS);
        ForkMeasurement m;
        try {
            m = engine.measure(fork);
        } catch (Exception e) {
            m = ForkMeasurement.failed(e.getMessage());
        }
        String checksum = m.checksums().get(Block.of(2));
        ExpectedChecksums.Verdict verdict = expected.verify(fork.configuration(2), m.status(), m.reason(), checksum);
        boolean ok = verdict.status() == Status.OK;
        String poolStart = m.poolStartupMillis() == null ? "" : ", in " + Format.millis(m.poolStartupMillis());
        check(ok, Checklist.POOL + ": a parallel region on 2 workers computes the right answer" + poolStart
                        + (ok ? "" : ": " + verdict.status().id() + " — " + verdict.reason()),
                "see the reason above; 'parbench run --engines " + engine.name() + " --profile quick' shows more.");
    }

    private static String describe(java.util.Map<String, String> facts) {
        return new java.util.TreeMap<>(facts).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private void check(boolean ok, String what, String fix) {
        out.println((ok ? "  ✓ " : "  ✗ ") + what);
        if (!ok) {
            allReady = false;
            if (fix != null) out.println("      fix: " + fix);
        }
        out.flush();
    }
}
