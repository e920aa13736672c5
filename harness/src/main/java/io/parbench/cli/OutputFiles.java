package io.parbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a command's text output to a file given by an option, or to stdout when none is given. */
final class OutputFiles {

    private OutputFiles() {}

    /** @param option the option that named the file, for the error message */
    static void write(Path file, String text, String option) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UserError("Could not write " + option + " " + file + " (" + why(e) + "). Give a path in a writable folder.", e);
        }
    }

    /**
     * Refuses a folder that cannot take the command's files, before any work is done: creates it
     * if needed and writes (and removes) a scratch file in it.
     */
    static void requireWritableFolder(Path folder, String option) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".parbench-write-check", null));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError(option + " " + folder + " cannot be written (" + why(e)
                    + "). Give a folder you can write to, e.g. " + option + " /tmp/parbench.", e);
        }
    }

    static void writeOrPrint(Path file, String text, String option, PrintWriter stdout) {
        if (file == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            write(file, text, option);
        }
    }

    /** The reason an IOException names, without the path the message already gives. */
    private static String why(Exception e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a folder";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied on " + f.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
