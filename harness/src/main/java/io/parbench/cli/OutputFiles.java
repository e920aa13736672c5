package io.parbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
            throw new UserError("Could not write " + option + " " + file + " (" + e + "). Give a path in a writable folder.", e);
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
}
