package io.parbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A document a command rewrites as it measures (results.json, comparison.json), and what the
 * file holds on disk, so that a failed save, an interrupted run or a full disk says the truth:
 * the last save of this run, or the file that was there before (an atomic write that fails keeps
 * it whole), or nothing. Once {@link #stop stopped} (the process is exiting) it takes no more saves,
 * and the thread that measures waits there for the end: whatever it would do next (record a
 * browser the exit killed as a failure, measure on) would be untrue or lost.
 *
 * @param <T> the document's type
 */
public final class SavedDocument<T> {

    private final Path file;
    private final BiConsumer<T, Path> writer;
    private final Function<T, String> contents;
    private final String before;
    private String saved;
    private boolean stopped;

    /**
     * @param writer writes a document to the file ({@link OutputFile}: whole or not at all)
     * @param contents what a document holds, for a sentence, e.g. "this run's 3 of 8 forks (marked incomplete)"
     */
    private SavedDocument(Path file, BiConsumer<T, Path> writer, Function<T, String> contents) {
        this.file = file.toAbsolutePath();
        this.writer = writer;
        this.contents = contents;
        this.before = previous(this.file);
    }

    /** A run's results.json; {@code planned} forks in all. */
    public static SavedDocument<RunDocument> results(Path file, int planned) {
        return new SavedDocument<>(file, ResultsWriter::write, doc -> "this run's " + doc.forks().size() + " of " + planned
                + " forks" + (doc.run().complete() ? "" : " (marked incomplete)"));
    }

    /** A comparison's comparison.json. */
    public static SavedDocument<ComparisonDocument> comparison(Path file) {
        return new SavedDocument<>(file, ComparisonFiles::write, doc -> "this comparison's " + doc.rounds().size() + " round"
                + (doc.rounds().size() == 1 ? "" : "s") + (doc.run().complete() ? "" : " (marked incomplete)"));
    }

    public Path file() {
        return file;
    }

    /**
     * Writes the document, unless the process is exiting.
     *
     * @throws OutputFileException when it could not be written, its message ending with what the file holds now
     */
    public T save(T document) {
        return save(document, writer);
    }

    /** As {@link #save(Object)}, written by {@code as} (e.g. with derived sections beside the measurements). */
    public synchronized T save(T document, BiConsumer<T, Path> as) {
        if (stopped) {
            awaitExit();
            return document;
        }
        try {
            as.accept(document, file);
        } catch (OutputFileException e) {
            throw new OutputFileException(e.getMessage() + " " + onDisk(), (IOException) e.getCause(), e.beforeWork());
        }
        saved = contents.apply(document);
        return document;
    }

    /** No more saves: what is on disk stays what was measured before the process began to exit. */
    public synchronized void stop() {
        stopped = true;
    }

    /** Waits until the process ends (or the thread is interrupted). */
    private void awaitExit() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the file holds now, as one sentence. */
    public synchronized String onDisk() {
        if (saved != null) {
            return file + " holds " + saved + ".";
        }
        return before == null ? "Nothing was written to " + file + "." : before + " at " + file + " was kept.";
    }

    /** What was at the file before this command wrote it: "The previous results (complete, 8 configurations)", or null for nothing. */
    private static String previous(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode tree = ResultsJson.mapper().readTree(file.toFile());
            String complete = tree.path("run").path("complete").asBoolean(false) ? "complete" : "incomplete";
            if (RunDocument.FORMAT.equals(tree.path("format").asText())) {
                return "The previous results (" + complete + ", " + tree.path("configurations").size() + " configurations)";
            }
            if (ComparisonDocument.FORMAT.equals(tree.path("format").asText())) {
                return "The previous comparison (" + complete + ", " + tree.path("rounds").size() + " rounds)";
            }
        } catch (IOException | RuntimeException e) {
            // not a document of ours: named as a file below
        }
        return "The file that was there before";
    }
}
