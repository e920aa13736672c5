package io.parbench.engines.byo;

import io.parbench.inspect.ModuleInspector;
import io.parbench.inspect.ThreadsVerdict;
import io.parbench.inspect.WasmFormatException;
import io.parbench.results.AdapterRun.ModuleVerdict;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code parbench inspect}'s verdicts on the modules a byo page instantiated, found by the URL paths
 * the page reports (the adapter's folder is served at the root), each module inspected once.
 */
final class ModuleVerdicts {

    private final Path folder;
    private final Map<Path, ModuleVerdict> inspected = new ConcurrentHashMap<>();

    ModuleVerdicts(Path folder) {
        this.folder = folder;
    }

    /** The verdicts on the modules at these URL paths ({@code /pkg/m.wasm}), skipping paths that are not files of the folder. */
    List<ModuleVerdict> of(List<String> urlPaths) {
        List<ModuleVerdict> verdicts = new ArrayList<>();
        for (String urlPath : urlPaths) {
            file(urlPath).ifPresent(file -> verdicts.add(verdict(file)));
        }
        return verdicts;
    }

    /** The module's verdict, e.g. "threads-ready" or "not threads-ready (memory is not shared: …)". */
    ModuleVerdict verdict(Path file) {
        return inspected.computeIfAbsent(file, this::inspect);
    }

    private ModuleVerdict inspect(Path file) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        try {
            ThreadsVerdict verdict = ModuleInspector.inspect(file).verdict();
            return new ModuleVerdict(name, verdict.threadsReady(), verdict.summary());
        } catch (WasmFormatException | IOException e) {
            return new ModuleVerdict(name, false, "not a module parbench can read (" + e.getMessage() + ")");
        }
    }

    /** The file a URL path of the page's origin names, if it is a regular file inside the folder. */
    Optional<Path> file(String urlPath) {
        try {
            String decoded = URI.create("http://page" + urlPath).getPath();
            if (decoded == null || !decoded.startsWith("/")) {
                return Optional.empty();
            }
            Path file = folder.resolve(decoded.substring(1)).normalize();
            return file.startsWith(folder) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
