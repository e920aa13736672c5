package io.parbench.results;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every file the harness writes (results, comparisons, reports, verdicts, exports) is written
 * here, whole or not at all: the bytes go to a temporary file beside the target, which is then
 * renamed over it, so a reader (or a process killed mid-write) only ever sees a whole file, and a
 * failed write leaves the previous file as it was. A failure is one sentence: which file, why (a
 * file where a folder should be, a folder where the file should be, no space, a read-only file
 * system, no permission) and what to do.
 */
public final class OutputFile {

    /** What the check before the work writes: enough to fail on a full disk, little enough to fit anywhere else. */
    private static final int PROBE_BYTES = 4096;

    private OutputFile() {}

    /**
     * Writes {@code content} to {@code file}, replacing it atomically. A target that exists and is
     * neither a regular file nor a folder (a pipe, /dev/stdout) is written in place.
     *
     * @param role what the file is, for the message, e.g. "the report" or "the Markdown verdicts (--markdown)"
     * @throws OutputFileException when it could not be written; the previous file, if any, is then unchanged
     */
    public static void write(Path file, byte[] content, String role) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            try {
                Files.write(target, content);
                return;
            } catch (IOException e) {
                throw failed(target, target.getParent(), role, e, false);
            }
        }
        Path tmp = null;
        try {
            requireNoFolderAt(target);
            Files.createDirectories(target.getParent());
            // Not Files.createTempFile: its files are private (0600), and results and reports are for sharing.
            tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failed(target, target.getParent(), role, e, false);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Checks, before any work is done, that {@code file} can be written: not a folder, in a folder
     * (made if missing) where a file of a few KiB can be written now. Leaves nothing behind: the
     * folders it had to make are removed again, and made for real by {@link #write}.
     *
     * @throws OutputFileException (bad input) saying why not
     */
    public static void requireWritable(Path file, String role) {
        Path target = file.toAbsolutePath();
        try {
            requireNoFolderAt(target);
            probe(target.getParent());
        } catch (IOException e) {
            throw failed(target, target.getParent(), role, e, true);
        }
    }

    /**
     * As {@link #requireWritable}, for a folder the command writes its files into (run's and
     * compare's --out).
     */
    public static void requireWritableFolder(Path folder, String role) {
        Path target = folder.toAbsolutePath();
        try {
            probe(target);
        } catch (IOException e) {
            throw failed(target, target, role, e, true);
        }
    }

    /** Makes the folder (and its missing parents), writes and deletes a small file in it, and removes what it made. */
    private static void probe(Path folder) throws IOException {
        List<Path> made = missingFolders(folder);
        try {
            Files.createDirectories(folder);
            Path scratch = Files.createTempFile(folder, ".parbench-write-check", null);
            try {
                Files.write(scratch, new byte[PROBE_BYTES]);
            } finally {
                Files.deleteIfExists(scratch);
            }
        } finally {
            for (Path dir : made.reversed()) {
                deleteQuietly(dir);
            }
        }
    }

    /** The folders from {@code folder} up that do not exist yet, outermost first. */
    private static List<Path> missingFolders(Path folder) {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && Files.notExists(p); p = p.getParent()) {
            missing.addFirst(p);
        }
        return missing;
    }

    private static void requireNoFolderAt(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "Is a directory");
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a folder someone else wrote into meanwhile stays; a stray temporary file is harmless
        }
    }

    private static OutputFileException failed(Path target, Path folder, String role, IOException e, boolean beforeWork) {
        return new OutputFileException("Could not write " + role + " to " + target + ": " + why(target, folder, e) + ".", e, beforeWork);
    }

    /**
     * Why the write failed and what to do, as the end of one sentence.
     *
     * @param folder the folder the file goes into (for a folder target, itself)
     */
    static String why(Path target, Path folder, IOException e) {
        String reason = (e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage()))
                .toLowerCase(Locale.ROOT);
        if (reason.contains("is a directory") && Files.isDirectory(target)) {
            return "it is a folder; give the path of a file";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException || reason.contains("not a directory")) {
            Path file = firstFile(folder);
            return (file == null ? "a part of its path" : file) + " is a file, not a folder; give a path in a folder";
        }
        if (reason.contains("no space left")) {
            return "no space is left on the disk that holds " + nearestExisting(folder)
                    + "; free some space there or write to another disk";
        }
        if (reason.contains("disk quota")) {
            return "the disk quota is used up on the disk that holds " + nearestExisting(folder) + "; free some space or write elsewhere";
        }
        if (reason.contains("read-only file system")) {
            return nearestExisting(folder) + " is on a read-only file system; write somewhere else";
        }
        if (e instanceof AccessDeniedException || reason.contains("permission denied") || reason.contains("operation not permitted")) {
            return "permission denied on " + (e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : nearestExisting(folder))
                    + "; give a path you can write to";
        }
        return (e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    /** The file that stands where {@code folder} or one of its parents should be, if any. */
    private static Path firstFile(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The folder itself, or its nearest parent that exists. */
    private static Path nearestExisting(Path folder) {
        Path p = folder;
        while (p != null && Files.notExists(p)) {
            p = p.getParent();
        }
        return p == null ? folder : p;
    }
}
