package io.parbench.engines.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserLocatorTest {

    @TempDir
    Path temp;

    @Test
    void prefersTheGivenPathThenTheSystemsThenPlaywrightsOwn() throws Exception {
        Path given = executable("given");
        Path system = executable("system");
        Path own = executable("own");
        Path missing = temp.resolve("missing");
        assertEquals(given, BrowserLocator.locate(BrowserKind.CHROMIUM, given, List.of(system), () -> own).executable());
        assertEquals(system, BrowserLocator.locate(BrowserKind.CHROMIUM, null, List.of(missing, system), () -> own).executable());
        BrowserLocator.Found found = BrowserLocator.locate(BrowserKind.CHROMIUM, null, List.of(missing), () -> own);
        assertEquals(own, found.executable());
        assertEquals("installed by Playwright", found.source());
    }

    @Test
    void explainsAMissingChromium() {
        var e = assertThrows(BrowserUnavailableException.class,
                () -> BrowserLocator.locate(BrowserKind.CHROMIUM, null, List.of(temp.resolve("chromium")), () -> null));
        assertEquals("Chromium not found on PATH", e.reason());
        assertTrue(e.fix().startsWith("install it with `apt-get install chromium` or pass --browser-path"), e.fix());
    }

    @Test
    void explainsAGivenPathThatIsNoBrowser() throws Exception {
        Path notExecutable = Files.writeString(temp.resolve("chromium"), "");
        var e = assertThrows(BrowserUnavailableException.class,
                () -> BrowserLocator.locate(BrowserKind.CHROMIUM, notExecutable, List.of(), () -> null));
        assertTrue(e.reason().contains(notExecutable.toString()), e.reason());
        assertTrue(e.fix().contains("--browser-path"), e.fix());
    }

    @Test
    void explainsHowToInstallFirefoxAndWebKit() {
        var firefox = assertThrows(BrowserUnavailableException.class,
                () -> BrowserLocator.locate(BrowserKind.FIREFOX, null, List.of(temp.resolve("firefox-esr")), () -> null));
        assertEquals("Firefox not found on PATH (firefox-esr or firefox)", firefox.reason());
        assertTrue(firefox.fix().contains("apt-get install firefox-esr"), firefox.fix());
        var webkit = assertThrows(BrowserUnavailableException.class,
                () -> BrowserLocator.locate(BrowserKind.WEBKIT, null, List.of(temp.resolve("MiniBrowser")), () -> null));
        assertTrue(webkit.reason().startsWith("WebKitGTK's MiniBrowser not found"), webkit.reason());
        assertTrue(webkit.fix().contains("apt-get install webkit2gtk-driver xvfb"), webkit.fix());
    }

    private Path executable(String name) throws Exception {
        return Files.createFile(temp.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
