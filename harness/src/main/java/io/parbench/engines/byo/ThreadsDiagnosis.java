package io.parbench.engines.byo;

import io.parbench.inspect.ModuleInspector;
import io.parbench.inspect.ThreadsVerdict;
import io.parbench.inspect.WasmFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@code parbench inspect} says about the WebAssembly modules in an adapter's folder, for
 * a configuration that failed with a threads problem: which module is not threads-ready, and why.
 */
final class ThreadsDiagnosis {

    /** Enough for any toolchain's output (a module, maybe a single-threaded twin); keeps the message short. */
    private static final int MAX_MODULES = 4;
    private static final int MAX_DEPTH = 5;

    private ThreadsDiagnosis() {}

    /** One sentence about each module in the folder, or a pointer to the command when there is none. */
    static String of(Path folder) {
        List<Path> modules;
        try (Stream<Path> files = Files.find(folder, MAX_DEPTH,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(".wasm"))) {
            modules = files.sorted().limit(MAX_MODULES).toList();
        } catch (IOException e) {
            modules = List.of();
        }
        if (modules.isEmpty()) {
            return "check your module with 'parbench inspect FILE.wasm'";
        }
        return "parbench inspect says: " + modules.stream().map(module -> verdict(folder, module)).collect(Collectors.joining("; "));
    }

    private static String verdict(Path folder, Path module) {
        String name = folder.relativize(module).toString();
        try {
            ThreadsVerdict verdict = ModuleInspector.inspect(module).verdict();
            return verdict.threadsReady() ? name + " is threads-ready"
                    : name + " is not threads-ready (" + String.join("; ", verdict.reasons()) + ")";
        } catch (WasmFormatException | IOException e) {
            return name + " could not be inspected (" + e.getMessage() + ")";
        }
    }
}
