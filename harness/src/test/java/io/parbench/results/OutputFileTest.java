package io.parbench.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file the harness writes: whole or not at all, and one sentence when it cannot be written. */
class OutputFileTest {

    @TempDir Path dir;

    @Test
    void aFileIsReplacedWholeAndNothingElseIsLeftBeside() throws IOException {
        Path file = dir.resolve("a/b/report.html");
        OutputFile.write(file, bytes("first"), "the report");
        OutputFile.write(file, bytes("second"), "the report");
        assertEquals("second", Files.readString(file));
        assertEquals(List.of(file), files(file.getParent()));
    }

    @Test
    void aFolderWhereTheFileShouldBeIsNamedAndTheCheckFindsItBeforeAnyWork() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("report.html"));
        OutputFileException checked = assertThrows(OutputFileException.class, () -> OutputFile.requireWritable(folder, "the report (--out)"));
        assertEquals("Could not write the report (--out) to " + folder + ": it is a folder; give the path of a file.", checked.getMessage());
        assertTrue(checked.beforeWork());
        OutputFileException written = assertThrows(OutputFileException.class, () -> OutputFile.write(folder, bytes("x"), "the report"));
        assertEquals("Could not write the report to " + folder + ": it is a folder; give the path of a file.", written.getMessage());
        assertFalse(written.beforeWork(), "found by the write: the work ran");
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("results.json"), "{}");
        Path below = file.resolve("sub/report.html");
        OutputFileException e = assertThrows(OutputFileException.class, () -> OutputFile.requireWritable(below, "the report (--out)"));
        assertEquals("Could not write the report (--out) to " + below + ": " + file + " is a file, not a folder; give a path in a folder.",
                e.getMessage());
        OutputFileException folder = assertThrows(OutputFileException.class,
                () -> OutputFile.requireWritableFolder(file, "the results (--out)"));
        assertTrue(folder.getMessage().endsWith(": " + file + " is a file, not a folder; give a path in a folder."), folder.getMessage());
        assertEquals("{}", Files.readString(file), "left as it was");
    }

    @Test
    void theCheckLeavesNothingBehindNotEvenTheFoldersItMade() throws IOException {
        OutputFile.requireWritable(dir.resolve("new/deeper/report.html"), "the report");
        OutputFile.requireWritableFolder(dir.resolve("other/out"), "the results");
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("results.json"), "previous");
        // The temporary file's name taken by a folder: the write fails after the check would have passed.
        Files.createDirectory(dir.resolve(".results.json." + ProcessHandle.current().pid() + ".tmp"));
        assertThrows(OutputFileException.class, () -> OutputFile.write(file, bytes("new"), "the results"));
        assertEquals("previous", Files.readString(file));
    }

    @Test
    void aSpecialFileIsWrittenInPlace() {
        OutputFile.write(Path.of("/dev/null"), bytes("discarded"), "the export");
        assertTrue(Files.exists(Path.of("/dev/null")));
    }

    /** What the disk says, each in words a user can act on (the real full and read-only disks: FullDiskTest). */
    @Test
    void eachReasonIsOneSentenceThatSaysWhatToDo() {
        Path target = dir.resolve("out/report.html");
        assertEquals("no space is left on the disk that holds " + dir + "; free some space there or write to another disk",
                OutputFile.why(target, target.getParent(), new IOException("No space left on device")));
        assertEquals(dir + " is on a read-only file system; write somewhere else",
                OutputFile.why(target, target.getParent(), new FileSystemException(target.toString(), null, "Read-only file system")));
        assertEquals("permission denied on " + dir + "; give a path you can write to",
                OutputFile.why(target, target.getParent(), new AccessDeniedException(dir.toString())));
        assertEquals("the disk quota is used up on the disk that holds " + dir + "; free some space or write elsewhere",
                OutputFile.why(target, target.getParent(), new IOException("Disk quota exceeded")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }
}
