package io.parbench.engines.byo;

import io.parbench.results.AdapterRun.ModuleVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code parbench inspect} says about an adapter's WebAssembly, for a configuration that
 * failed with a threads problem: which module is not threads-ready, and why. The modules are the
 * ones the page instantiated, wherever they are in the folder; when the page could not tell
 * (bytes of unknown origin), the first modules found in the folder.
 */
final class ThreadsDiagnosis {

    /** Enough for any toolchain's output (a module, maybe a single-threaded twin); keeps the message short. */
    private static final int MAX_MODULES = 4;

    private ThreadsDiagnosis() {}

    /** One sentence about each module, or a pointer to the command when there is none. */
    static String of(ModuleVerdicts verdicts, Path folder, List<String> instantiated) {
        List<ModuleVerdict> modules = verdicts.of(instantiated);
        if (modules.isEmpty()) {
            modules = inFolder(folder).stream().map(verdicts::verdict).toList();
        }
        if (modules.isEmpty()) {
            return "check your module with 'parbench inspect FILE.wasm'";
        }
        return "parbench inspect says: " + modules.stream().limit(MAX_MODULES)
                .map(m -> m.file() + " is " + m.verdict())
                .collect(Collectors.joining("; "));
    }

    private static List<Path> inFolder(Path folder) {
        try (Stream<Path> files = Files.find(folder, Integer.MAX_VALUE,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(".wasm"))) {
            return files.sorted().limit(MAX_MODULES).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
