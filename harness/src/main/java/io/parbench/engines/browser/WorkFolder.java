package io.parbench.engines.browser;

import io.parbench.process.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser's private temporary folder, made on first use (among this process's {@link
 * TempFolders}) and deleted on close: its home, configuration, cache and temporary files, so that
 * nothing is written to the user's own.
 */
public final class WorkFolder {

    private final String prefix;
    private Path path;

    public WorkFolder(String prefix) {
        this.prefix = prefix;
    }

    /** The folder, made now if needed. */
    public synchronized Path path() {
        if (path == null) {
            try {
                path = TempFolders.create(prefix);
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
        env.putAll(TempFolders.marker(path()));
        return env;
    }

    /**
     * Kills what still runs with this folder's marker, then deletes the folder (best effort: what is
     * left goes with this process's temporary folders).
     */
    public synchronized void delete() {
        if (path != null) {
            TempFolders.killProcessesMarked(path);
        }
        TempFolders.delete(path);
        path = null;
    }
}
