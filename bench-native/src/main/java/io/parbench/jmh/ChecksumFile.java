package io.parbench.jmh;

import io.parbench.kernels.ChecksumText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * How a forked benchmark JVM hands its checksum to the harness: one line per fork, each the
 * checksum as {@link ChecksumText} writes it. Forks run one after another; each rewrites the file
 * with its line added, through a temporary file and an atomic rename, so a reader never sees
 * a partial line and every fork's checksum can be compared.
 */
public final class ChecksumFile {
    private ChecksumFile() {}

    /** Appends {@code checksum} as a new line of {@code file}, atomically. */
    public static void append(Path file, long checksum) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            try {
                Files.writeString(partial, before + ChecksumText.of(checksum) + "\n", StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checksum to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The checksums in {@code file}, one per fork that finished its trial; empty if there is no file. */
    public static List<Long> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Long> checksums = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    checksums.add(ChecksumText.parse(line.strip()));
                }
            }
            return checksums;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checksums in " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a checksum file (lines of 16 hex digits): " + e.getMessage(), e);
        }
    }
}
