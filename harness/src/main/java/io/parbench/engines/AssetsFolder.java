package io.parbench.engines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A bench-wasm build's assets folder, run instead of the class path's: what bench-wasm's build
 * writes to {@code bench-wasm/target/classes/io/parbench/assets} (of another checkout, say the
 * merge base's), holding {@code native/linux-x86_64/libparbench.so} for the native engine and
 * {@code wasm/parbench.wasm} with the page scripts in {@code web/} for the browser engines.
 */
public final class AssetsFolder {

    private static final String NATIVE_LIBRARY = "native/linux-x86_64/libparbench.so";
    /** The page scripts in {@code web/}, which every browser page of the built-in kernels runs. */
    public static final List<String> PAGE_SCRIPTS = List.of("index.html", "main.js", "driver.js", "measure.js", "pool.js", "page-workers.js", "helper.js");
    private static final List<String> BROWSER_FILES = Stream.concat(Stream.of("wasm/parbench.wasm"),
            PAGE_SCRIPTS.stream().map(script -> "web/" + script)).toList();

    private AssetsFolder() {}

    public static Path nativeLibrary(Path folder) {
        return folder.resolve(NATIVE_LIBRARY);
    }

    public static Path wasm(Path folder) {
        return folder.resolve("wasm");
    }

    public static Path web(Path folder) {
        return folder.resolve("web");
    }

    /** The native library, if the folder lacks it. */
    public static Optional<String> missingNativeLibrary(Path folder) {
        return missing(folder, List.of(NATIVE_LIBRARY));
    }

    /** The first file the browser engines need (module and page scripts) that the folder lacks, if any. */
    public static Optional<String> missingBrowserFiles(Path folder) {
        return missing(folder, BROWSER_FILES);
    }

    private static Optional<String> missing(Path folder, List<String> needed) {
        return needed.stream().filter(file -> !Files.isRegularFile(folder.resolve(file))).findFirst();
    }
}
