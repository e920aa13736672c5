package io.parbench.engines.browser.playwright;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.process.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playwright's driver unpacked from its real jar into a cache of the test's own (never the JVM-wide setting). */
class UnpackedDriverTest {

    @TempDir
    Path cache;

    @Test
    void theDriverIsUnpackedOnceAndItsNodeRuns() throws Exception {
        Path folder = UnpackedDriver.unpacked(cache).orElseThrow();
        assertTrue(folder.getFileName().toString().startsWith("driver-bundle-"), folder::toString);
        Process node = new ProcessBuilder(folder.resolve("node").toString(), folder.resolve("package/cli.js").toString(), "--version")
                .redirectErrorStream(true).start();
        String version = new String(node.getInputStream().readAllBytes());
        assertEquals(0, node.waitFor(), version);
        assertTrue(version.startsWith("Version 1."), version);

        Path mark = Files.writeString(folder.resolve("mark"), "unpacked once");
        assertEquals(folder, UnpackedDriver.unpacked(cache).orElseThrow());
        assertTrue(Files.exists(mark), "the second use finds the folder as the first left it");
        assertEquals(List.of(folder), entries(cache), "no copy is left beside it");
    }

    @Test
    void aDamagedFolderIsNotUsedUntilItIsDeleted() throws Exception {
        Path folder = UnpackedDriver.unpacked(cache).orElseThrow();
        Files.delete(folder.resolve("node"));
        assertEquals(Optional.empty(), UnpackedDriver.unpacked(cache), "Playwright unpacks its own");
        TempFolders.delete(folder);
        assertEquals(folder, UnpackedDriver.unpacked(cache).orElseThrow());
        assertTrue(Files.isExecutable(folder.resolve("node")));
    }

    @Test
    void processesThatUnpackAtOnceEachGetAWholeFolder() throws Exception {
        var first = CompletableFuture.supplyAsync(() -> UnpackedDriver.unpacked(cache).orElseThrow());
        var second = CompletableFuture.supplyAsync(() -> UnpackedDriver.unpacked(cache).orElseThrow());
        Path folder = first.get();
        assertEquals(folder, second.get());
        assertTrue(Files.isExecutable(folder.resolve("node")) && Files.isRegularFile(folder.resolve("package/cli.js")));
        assertEquals(List.of(folder), entries(cache), "the copy that lost the race is gone");
    }

    @Test
    void aCopyAbandonedAnHourAgoIsRemovedAndOneInProgressIsNot() throws Exception {
        Path abandoned = Files.createDirectories(cache.resolve(UnpackedDriver.PARTIAL_PREFIX + "1/package"));
        Files.setLastModifiedTime(abandoned.getParent(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path inProgress = Files.createDirectories(cache.resolve(UnpackedDriver.PARTIAL_PREFIX + "2"));
        Path folder = UnpackedDriver.unpacked(cache).orElseThrow();
        assertEquals(List.of(inProgress, folder), entries(cache));
        assertFalse(Files.exists(abandoned));
    }

    private static List<Path> entries(Path folder) throws Exception {
        try (Stream<Path> all = Files.list(folder)) {
            return all.sorted().toList();
        }
    }
}
