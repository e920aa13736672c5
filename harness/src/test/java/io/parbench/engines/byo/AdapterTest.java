package io.parbench.engines.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --adapter path: what parbench will serve, and what it refuses to. */
class AdapterTest {

    @TempDir
    Path temp;

    @Test
    void theFolderOfTheAdapterIsServedAndItsNameIsItsUrl() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("my bench"));
        Path file = Files.writeString(folder.resolve("my adapter.mjs"), "export const meta = {};");
        Adapter adapter = Adapter.of(file, "--adapter", temp.resolve("home"));
        assertEquals(folder.toRealPath(), adapter.folder());
        assertEquals("/my%20adapter.mjs", adapter.urlPath());
        assertEquals("my-bench", adapter.fallbackKernelName());
    }

    @Test
    void aHomeFolderIsNotServed() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path file = Files.writeString(home.resolve("adapter.js"), "export const meta = {};");
        var refused = assertThrows(IllegalArgumentException.class, () -> Adapter.of(file, "--adapter", home));
        assertTrue(refused.getMessage().contains("put the adapter and your module in a folder of their own"), refused.getMessage());
    }
}
