package io.parbench.engines.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds the browser executable at run time: the path the user gave, else the distribution's
 * (Chromium and Firefox on the PATH, WebKitGTK's MiniBrowser in its library folder), else for
 * Chromium one Playwright installed itself.
 */
public final class BrowserLocator {

    /** Where Debian's webkit2gtk packages put MiniBrowser (the browser WebKitWebDriver starts). */
    private static final List<Path> MINIBROWSER = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
            Path.of("/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
            Path.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser"),
            Path.of("/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser"));

    /** An executable and how it was found, for the probe's facts. */
    public record Found(Path executable, String source) {}

    private BrowserLocator() {}

    /**
     * @param playwrightsOwn where Playwright keeps its own build of the browser (asked only when
     *     nothing else is found: it needs a running Playwright)
     */
    public static Found locate(BrowserKind kind, Path explicitPath, Supplier<Path> playwrightsOwn)
            throws BrowserUnavailableException {
        return locate(kind, explicitPath, systemCandidates(kind), playwrightsOwn);
    }

    static Found locate(BrowserKind kind, Path explicitPath, List<Path> systemCandidates, Supplier<Path> playwrightsOwn)
            throws BrowserUnavailableException {
        if (explicitPath != null) {
            if (!isExecutableFile(explicitPath)) {
                throw new BrowserUnavailableException("No browser executable at " + explicitPath + " (from --browser-path)",
                        "pass the path of an executable " + kind.id() + " with --browser-path");
            }
            return new Found(explicitPath, "--browser-path");
        }
        Optional<Path> system = systemCandidates.stream().filter(BrowserLocator::isExecutableFile).findFirst();
        if (system.isPresent()) {
            return new Found(system.get(), "system");
        }
        Path own = playwrightsOwn.get();
        if (own != null && isExecutableFile(own)) {
            return new Found(own, "installed by Playwright");
        }
        throw notFound(kind);
    }

    private static List<Path> systemCandidates(BrowserKind kind) {
        List<Path> candidates = new ArrayList<>();
        kind.commands().forEach(name -> onPath(name).forEach(candidates::add));
        if (kind == BrowserKind.WEBKIT) {
            candidates.addAll(MINIBROWSER);
        }
        return candidates;
    }

    /** An executable on the PATH (e.g. WebKitWebDriver), or empty. */
    public static Optional<Path> findOnPath(String name) {
        return onPath(name).filter(BrowserLocator::isExecutableFile).findFirst();
    }

    private static Stream<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Stream.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, name));
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private static BrowserUnavailableException notFound(BrowserKind kind) {
        String installOwn = "Playwright's own " + kind.id() + " (`mvn exec:java -Dexec.mainClass=com.microsoft.playwright.CLI "
                + "-Dexec.args=\"install " + kind.id() + "\"`, needs access to Playwright's download site)";
        return switch (kind) {
            case CHROMIUM -> new BrowserUnavailableException("Chromium not found on PATH",
                    "install it with `apt-get install chromium` or pass --browser-path (or install " + installOwn + ")");
            case FIREFOX -> new BrowserUnavailableException("Firefox not found on PATH (" + String.join(" or ", kind.commands()) + ")",
                    "install it with `apt-get install firefox-esr` or pass --browser-path");
            case WEBKIT -> new BrowserUnavailableException("WebKitGTK's MiniBrowser not found (" + MINIBROWSER.getFirst() + ")",
                    "install it with `apt-get install webkit2gtk-driver xvfb` or pass MiniBrowser's path with --browser-path");
            case SAFARI, EDGE -> new BrowserUnavailableException(kind.id() + " does not run on this machine",
                    "reach it on the machine it runs on with --webdriver-url (a Selenium Grid or its WebDriver server)");
        };
    }
}
