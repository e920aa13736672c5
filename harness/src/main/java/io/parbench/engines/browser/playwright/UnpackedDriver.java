package io.parbench.engines.browser.playwright;

import io.parbench.process.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Playwright's driver (node and its package, 130 MB) unpacked once per version into the user's
 * cache, for Playwright to use from there ({@code playwright.cli.dir}). Left to itself, Playwright
 * unpacks it from its jar into a temporary folder in every JVM: 0.8 s and ~1 CPU-s before the
 * first browser of every run. A folder is complete once it has its final name: it is unpacked
 * under another and renamed, so processes that unpack at once each use one that is whole. One
 * damaged since (a file deleted) is not used: Playwright unpacks its own until it is deleted.
 */
final class UnpackedDriver {

    /** Playwright's own setting: the folder of a driver already unpacked. */
    private static final String CLI_DIR_PROPERTY = "playwright.cli.dir";
    /** A copy being unpacked, renamed once whole. */
    static final String PARTIAL_PREFIX = ".unpacking-";

    private UnpackedDriver() {}

    /**
     * Points Playwright at the driver in the user's cache, unpacked there first if it is not yet:
     * unless a folder was set already, or the driver cannot be unpacked (no home folder, a platform
     * Playwright ships no driver for, a full disk), in which case Playwright unpacks its own as before.
     */
    static synchronized void use() {
        if (System.getProperty(CLI_DIR_PROPERTY) == null) {
            userCache().flatMap(UnpackedDriver::unpacked).ifPresent(folder -> System.setProperty(CLI_DIR_PROPERTY, folder.toString()));
        }
    }

    /** The cache parbench keeps between runs: $XDG_CACHE_HOME/parbench, or ~/.cache/parbench; none without a home folder. */
    static Optional<Path> userCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        // A relative XDG_CACHE_HOME is to be ignored (the XDG spec); the JDK gives "?" as the home of a user with no passwd entry.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.isAbsolute() ? Optional.of(base.resolve("parbench")) : Optional.empty();
    }

    /** The driver's folder in {@code cacheRoot}, unpacked there if it is not yet; empty if it cannot be. */
    static Optional<Path> unpacked(Path cacheRoot) {
        Optional<String> platform = platform();
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        String inJar = "driver/" + platform.get();
        URL cli = UnpackedDriver.class.getClassLoader().getResource(inJar + "/package/cli.js");
        if (cli == null || !cli.getProtocol().equals("jar")) {
            return Optional.empty();
        }
        try {
            Path jar = Path.of(((JarURLConnection) cli.openConnection()).getJarFileURL().toURI());
            // The jar's name carries Playwright's version (driver-bundle-1.56.0.jar): a new version gets a folder of its own.
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-" + platform.get();
            Path folder = cacheRoot.resolve(name);
            // A folder is whole when it gets its name, so one that is not was damaged since: it is left to the
            // user (README), as deleting it could pull it from under a process that just renamed a whole one there.
            if (Files.notExists(folder)) {
                unpack(jar, inJar, folder);
            }
            return complete(folder) ? Optional.of(folder) : Optional.empty();
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean complete(Path folder) {
        return Files.isExecutable(folder.resolve("node")) && Files.isRegularFile(folder.resolve("package/cli.js"));
    }

    private static void unpack(Path jar, String inJar, Path folder) throws IOException {
        Files.createDirectories(folder.getParent());
        removeAbandoned(folder.getParent());
        Path partial = Files.createTempDirectory(folder.getParent(), PARTIAL_PREFIX);
        try {
            try (FileSystem zip = FileSystems.newFileSystem(jar); Stream<Path> entries = Files.walk(zip.getPath(inJar))) {
                Path top = zip.getPath(inJar);
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    Path target = partial.resolve(top.relativize(entry).toString());
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
                        // What Playwright's own unpacking makes executable: node, and its scripts.
                        String file = target.getFileName().toString();
                        if ((file.endsWith(".sh") || !file.contains(".")) && !target.toFile().setExecutable(true)) {
                            throw new IOException(target + " could not be made executable");
                        }
                    }
                }
            }
            try {
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another process renamed its copy first (or a broken folder is in the way): one that is whole is used, or none.
            }
        } finally {
            if (Files.exists(partial)) {
                TempFolders.delete(partial);
            }
        }
    }

    /** Copies left by processes killed while they unpacked (one takes seconds, so an hour-old one is abandoned). */
    private static void removeAbandoned(Path cacheRoot) throws IOException {
        Instant before = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> folders = Files.list(cacheRoot)) {
            for (Path partial : folders.filter(f -> f.getFileName().toString().startsWith(PARTIAL_PREFIX)).toList()) {
                if (Files.getLastModifiedTime(partial).toInstant().isBefore(before)) {
                    TempFolders.delete(partial);
                }
            }
        }
    }

    /** The folder name Playwright gives its driver for this machine (its DriverJar), if it ships one for it. */
    private static Optional<String> platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        boolean arm = System.getProperty("os.arch").equals("aarch64");
        if (os.contains("linux")) {
            return Optional.of(arm ? "linux-arm64" : "linux");
        }
        if (os.contains("mac")) {
            return Optional.of(arm ? "mac-arm64" : "mac");
        }
        return Optional.empty();
    }
}
