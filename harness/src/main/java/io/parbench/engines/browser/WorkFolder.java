package io.parbench.engines.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A browser's private temporary folder, made on first use and deleted on close: its home,
 * configuration, cache and temporary files, so that nothing is written to the user's own.
 */
public final class WorkFolder {

    /** Set in every browser process parbench starts: tells this run's browsers from any other's. */
    public static final String MARKER_VARIABLE = "PARBENCH_BROWSER_FOLDER";

    private final String prefix;
    private Path path;

    public WorkFolder(String prefix) {
        this.prefix = prefix;
    }

    /** The folder, made now if needed. */
    public synchronized Path path() {
        if (path == null) {
            try {
                path = Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the browser's temporary folder: " + e.getMessage(), e);
            }
        }
        return path;
    }

    /** A subfolder, made now if needed. */
    public Path folder(String name) {
        try {
            return Files.createDirectories(path().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the browser's temporary folder: " + e.getMessage(), e);
        }
    }

    /** The variables that point a browser's home, configuration, cache and temporary files here. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", folder("home").toString());
        env.put("XDG_CONFIG_HOME", folder("home/.config").toString());
        env.put("XDG_CACHE_HOME", folder("home/.cache").toString());
        env.put("XDG_DATA_HOME", folder("home/.local/share").toString());
        env.put("TMPDIR", folder("tmp").toString());
        env.put(MARKER_VARIABLE, path().toString());
        return env;
    }

    /** Deletes the folder (best effort: a leftover temporary folder is harmless). */
    public synchronized void delete() {
        if (path == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
        path = null;
    }
}
