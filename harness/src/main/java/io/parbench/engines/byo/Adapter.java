package io.parbench.engines.byo;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The user's adapter module: the file, and the folder parbench serves (its parent, at the root of
 * the page's origin, so the adapter's URL path is {@code /} and its file name).
 */
record Adapter(Path file, Path folder) {

    /**
     * @throws IllegalArgumentException when the path is missing, not a regular file, not a
     *     JavaScript file, or in a folder too big to serve: a clear message for the command line
     *     (exit code 2)
     */
    static Adapter of(Path path) {
        return of(path, "--adapter");
    }

    /** As {@link #of(Path)}, the path given by {@code option} (--adapter, --baseline-adapter). */
    static Adapter of(Path path, String option) {
        return of(path, option, Path.of(System.getProperty("user.home")));
    }

    /** As {@link #of(Path, String)}, with the home folder given. */
    static Adapter of(Path path, String option, Path home) {
        if (path == null) {
            throw new IllegalArgumentException("--engines byo needs --adapter PATH/adapter.js, the ES module that runs your "
                    + "WebAssembly (templates in bench-wasm/examples/README.md).");
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("No adapter at " + path.toAbsolutePath() + " (" + option + "): give the path of your adapter.js.");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " " + path + " is a folder; give the adapter module inside it, e.g. "
                    + path.resolve("adapter.js") + ".");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(path) || !(name.endsWith(".js") || name.endsWith(".mjs"))) {
            throw new IllegalArgumentException(option + " " + path + " is not a JavaScript module file (.js or .mjs); give your adapter.js.");
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(option + " " + path + " cannot be read (permissions?).");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + path + " cannot be opened: " + e.getMessage(), e);
        }
        Path folder = real.getParent();
        if (folder.getParent() == null || isSameFolder(folder, home)) {
            throw new IllegalArgumentException(option + " " + path + " is in " + folder + ", and parbench serves the adapter's "
                    + "whole folder to the browser: put the adapter and your module in a folder of their own.");
        }
        return new Adapter(real, folder);
    }

    private static boolean isSameFolder(Path folder, Path other) {
        try {
            return Files.isDirectory(other) && folder.equals(other.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The adapter's URL path on the page's origin, e.g. {@code /adapter.js}. */
    String urlPath() {
        try {
            return new URI(null, null, "/" + file.getFileName(), null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a file name is always a valid path: " + file, e);
        }
    }

    /** The folder's name as a kernel name, for an adapter whose meta cannot be read. */
    String fallbackKernelName() {
        String name = folder.getFileName() == null ? "adapter" : folder.getFileName().toString();
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return cleaned.isEmpty() ? "adapter" : cleaned;
    }
}
