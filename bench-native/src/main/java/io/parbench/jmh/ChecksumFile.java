package io.parbench.jmh;

import io.parbench.kernels.ChecksumText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a forked benchmark JVM hands its checksums to the harness: one line per measured block, in
 * order, each the block (as {@link ForkOrder.Point#token()} spells it), the checksum its last
 * step computed as {@link ChecksumText} writes it ("2 00000000000000ab") and its {@link BlockRecord}
 * (steps, wall time, interval, pool accounting). Each block rewrites the file
 * with its line added, through a temporary file and an atomic rename, so a reader never sees a
 * partial line and a fork that dies keeps the lines of the blocks it finished.
 */
public final class ChecksumFile {
    private ChecksumFile() {}

    /** One measured block's checksum and record (null in a line without one). */
    public record Line(String block, long checksum, BlockRecord record) {}

    /** Appends a block's checksum and record as a new line of {@code file}, atomically. */
    public static void append(Path file, String block, long checksum, BlockRecord record) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            try {
                String line = block + " " + ChecksumText.of(checksum) + " " + record.text() + "\n";
                Files.writeString(partial, before + line, StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checksum to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lines in {@code file}, one per block measured; empty if there is no file. */
    public static List<Line> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Line> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    String[] fields = line.strip().split(" ");
                    if (fields.length < 2) {
                        throw new IllegalArgumentException("'" + line + "' is not a block and a checksum");
                    }
                    List<String> record = Arrays.asList(fields).subList(2, fields.length);
                    lines.add(new Line(fields[0], ChecksumText.parse(fields[1]), record.isEmpty() ? null : BlockRecord.parse(record)));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checksums in " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a checksum file (lines of a block, 16 hex digits and the block's record): "
                    + e.getMessage(), e);
        }
    }
}
