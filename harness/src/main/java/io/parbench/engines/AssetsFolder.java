package io.parbench.engines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A bench-wasm build's assets folder, run instead of the class path's: what bench-wasm's build
 * writes to {@code bench-wasm/target/classes/io/parbench/assets} (of another checkout, say the
 * merge base's), holding {@code native/linux-x86_64/libparbench.so} for the native engine and
 * {@code wasm/parbench.wasm} with the page scripts in {@code web/} for the browser engines
 * (chromium, firefox, webkit).
 */
public final class AssetsFolder {

    private static final String NATIVE_LIBRARY = "native/linux-x86_64/libparbench.so";
    private static final List<String> BROWSER_FILES = List.of("wasm/parbench.wasm", "web/index.html", "web/main.js",
            "web/driver.js", "web/measure.js", "web/pool.js", "web/page-workers.js", "web/helper.js");

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

    /** The first file an engine needs that the folder lacks, if any (engines that use no assets need none). */
    public static Optional<String> missing(Path folder, String engine) {
        List<String> needed = switch (engine) {
            case "native" -> List.of(NATIVE_LIBRARY);
            case "chromium", "firefox", "webkit" -> BROWSER_FILES;
            default -> List.of();
        };
        return needed.stream().filter(file -> !Files.isRegularFile(folder.resolve(file))).findFirst();
    }
}
