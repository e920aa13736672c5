package io.parbench.engines.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkFolderTest {

    @Test
    void deletingTheFolderKillsWhatOutlivedItsParentWithTheMarker() throws Exception {
        WorkFolder folder = new WorkFolder("workfolder-test-");
        Path path = folder.path();
        // A shell that leaves a sleep behind and exits, as a crashed browser leaves its helpers: no longer anyone's child.
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep 600 > /dev/null 2>&1 & echo $!");
        builder.environment().putAll(folder.environment());
        Process shell = builder.start();
        ProcessHandle orphan = ProcessHandle.of(Long.parseLong(new String(shell.getInputStream().readAllBytes()).strip())).orElseThrow();
        try {
            assertTrue(shell.waitFor(10, TimeUnit.SECONDS));
            assertTrue(orphan.isAlive());

            folder.delete();

            assertFalse(orphan.isAlive(), "the orphan with the folder's marker was killed");
            assertFalse(Files.exists(path));
        } finally {
            orphan.destroyForcibly(); // a failed test leaves no sleep behind
            folder.delete();
        }
    }
}
