package io.parbench.engines.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        long orphan = Long.parseLong(new String(shell.getInputStream().readAllBytes()).strip());
        assertTrue(shell.waitFor(10, TimeUnit.SECONDS));
        ProcessHandle sleep = ProcessHandle.of(orphan).orElseThrow();
        assertTrue(sleep.isAlive());
        assertEquals(List.of(), sleep.parent().filter(parent -> parent.pid() == shell.pid()).stream().toList());

        folder.delete();

        assertFalse(sleep.isAlive(), "the orphan with the folder's marker was killed");
        assertFalse(Files.exists(path));
    }
}
