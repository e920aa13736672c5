package io.parbench.engines.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrowserSessionTest {

    @Test
    void relaunchesACrashedBrowserAndCleansUp() throws Exception {
        Path folder;
        try (BrowserSession session = new BrowserSession(BrowserKind.CHROMIUM, null)) {
            openAndClose(session);
            folder = session.workDir();
            assertTrue(Files.isDirectory(folder.resolve("home")));
            assertEquals(1, session.launches());

            BrowserCrash.kill(session);
            openAndClose(session);
            assertEquals(2, session.launches());
            assertTrue(session.connected());
        }
        assertFalse(Files.exists(folder), "the session's folder is deleted on close");
    }

    private static void openAndClose(BrowserSession session) throws BrowserUnavailableException {
        BrowserContext context = session.newContext();
        assertEquals("2", String.valueOf(context.newPage().evaluate("1 + 1")));
        context.close();
    }
}
