package io.parbench.cli;

import io.parbench.engines.Engine;
import io.parbench.engines.EngineOptions;
import io.parbench.engines.OwnKernel;
import io.parbench.results.EngineFacts;
import io.parbench.run.EngineRegistry;
import io.parbench.run.Settling;
import io.parbench.text.Format;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** What run and compare do alike before measuring: start the engines asked for, and read what the plan needs from them. */
final class EngineStartup {

    private EngineStartup() {}

    /** The engine names of --engines: a list, or 'all' (the built-in ones); an unknown name is bad input. */
    static List<String> names(String engines) {
        List<String> names = isAll(engines) ? EngineRegistry.BUILT_IN
                : Arrays.stream(engines.split(",")).map(String::trim).distinct().toList();
        for (String name : names) {
            if (!EngineRegistry.ALL_NAMES.contains(name)) {
                throw new UserError("Unknown engine '" + name + "'; the engines are " + String.join(", ", EngineRegistry.ALL_NAMES)
                        + " (or 'all').");
            }
        }
        return names;
    }

    static boolean isAll(String engines) {
        return engines.trim().equals("all");
    }

    /**
     * Creates and probes the engines; an unavailable one is skipped with a note when {@code skipUnavailable}
     * (--engines all), else it is bad input. The probes run at once: a browser's takes seconds (it
     * launches the browser and loads a page), and nothing is measured yet.
     *
     * @param ready receives the available engines, by name; the caller closes them
     * @param side "" or, in a comparison, " for side A" / " for side B"
     * @return what every engine found, available or not
     */
    static Map<String, EngineFacts> start(List<String> names, EngineOptions options, boolean skipUnavailable, String side,
            Map<String, Engine> ready, PrintWriter err) throws Exception {
        List<Engine> engines = new ArrayList<>();
        List<EngineFacts> probed;
        try {
            for (String name : names) {
                engines.add(UserError.whenInvalid(() -> EngineRegistry.create(name, options)));
            }
            probed = probeAtOnce(engines);
        } catch (Exception | Error e) {
            closeQuietly(engines);
            throw e;
        }
        Map<String, EngineFacts> facts = new LinkedHashMap<>();
        for (int i = 0; i < engines.size(); i++) {
            String name = names.get(i);
            EngineFacts f = probed.get(i);
            facts.put(name, f);
            if (f.available()) {
                ready.put(name, engines.get(i));
                continue;
            }
            engines.get(i).close();
            String message = "engine " + name + " is not available" + side + ": " + f.reason() + (f.fix() == null ? "" : " Fix: " + f.fix());
            if (!skipUnavailable) {
                closeQuietly(engines.subList(i + 1, engines.size()));
                throw new UserError(message + " (Run 'parbench doctor' for all checks.)");
            }
            err.println("Skipping " + message);
        }
        if (ready.isEmpty()) throw new UserError("No engine can run on this machine; run 'parbench doctor' to see why.");
        return facts;
    }

    /** Each engine's probe, in the engines' order, all run at once. */
    private static List<EngineFacts> probeAtOnce(List<Engine> engines) throws Exception {
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<EngineFacts>> answers = new ArrayList<>();
            for (Engine engine : engines) {
                answers.add(probes.submit(engine::probe));
            }
            List<EngineFacts> facts = new ArrayList<>();
            for (Future<EngineFacts> answer : answers) {
                try {
                    facts.add(answer.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) throw cause;
                    throw (Error) e.getCause();
                }
            }
            return facts;
        }
    }

    /** Closes engines a failed start leaves to nobody. */
    private static void closeQuietly(List<Engine> engines) {
        for (Engine engine : engines) {
            try {
                engine.close();
            } catch (Exception e) {
                // the start's own error is the one to report
            }
        }
    }

    /** The longest run and compare wait for the browsers they launched to settle (see {@link Settling}). */
    private static final Duration SETTLING_LIMIT = Duration.ofSeconds(3);

    /**
     * Before the first fork: when a browser was launched on this machine, waits for the machine to
     * go quiet, and says so when that took long or did not happen.
     */
    static void settle(Collection<String> engines, boolean remote, PrintWriter err) throws InterruptedException {
        boolean browserHere = !remote && engines.stream().anyMatch(name -> !name.equals(EngineRegistry.JVM) && !name.equals(EngineRegistry.NATIVE));
        if (!browserHere) {
            return;
        }
        Settling.Result settled = Settling.await(SETTLING_LIMIT);
        if (!settled.quiet()) {
            err.printf("The machine is still busy (%.1f cores) %s after the browsers started: measuring anyway; the first forks may be"
                    + " disturbed.%n", settled.busyCores(), Format.duration(settled.waited()));
        } else if (settled.waited().toMillis() >= 1000) {
            err.printf("Waited %s for the browsers to settle after they started.%n", Format.duration(settled.waited()));
        }
        err.flush();
    }

    static Map<String, OwnKernel> ownKernelsOf(Map<String, Engine> engines) {
        Map<String, OwnKernel> own = new LinkedHashMap<>();
        engines.forEach((name, engine) -> engine.ownKernel().ifPresent(kernel -> own.put(name, kernel)));
        return own;
    }

    static Map<String, Function<String, List<String>>> variantsOf(Map<String, Engine> engines) {
        Map<String, Function<String, List<String>>> variants = new LinkedHashMap<>();
        engines.forEach((name, engine) -> variants.put(name, engine::variants));
        return variants;
    }

    /** The command line as typed, for the document. */
    static List<String> commandLine(CommandSpec spec) {
        List<String> args = new ArrayList<>(List.of("parbench"));
        args.addAll(spec.commandLine().getParseResult().originalArgs());
        return args;
    }
}
