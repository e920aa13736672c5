package io.parbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Writes comparison documents atomically and reads them back, refusing anything else. */
public final class ComparisonFiles {

    private ComparisonFiles() {}

    public static void write(ComparisonDocument document, Path target) {
        try {
            AtomicFile.write(target, ResultsJson.mapper().writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the comparison to " + target + ": " + e.getMessage(), e);
        }
    }

    /** @throws ResultsException with a sentence saying what is wrong with the file */
    public static ComparisonDocument read(Path file) {
        JsonNode tree;
        try {
            tree = ResultsJson.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ResultsException("No such comparison file: " + file + ".");
        } catch (IOException e) {
            throw new ResultsException(file + " could not be read as JSON: " + e.getMessage());
        }
        int version = tree == null ? -1 : tree.path("version").asInt(-1);
        if (tree == null || !ComparisonDocument.FORMAT.equals(tree.path("format").asText())
                || version < ComparisonDocument.OLDEST_READABLE_VERSION || version > ComparisonDocument.VERSION) {
            throw new ResultsException(file + " is not a parbench comparison document of versions " + ComparisonDocument.OLDEST_READABLE_VERSION
                    + " to " + ComparisonDocument.VERSION + " (\"format\": \"" + ComparisonDocument.FORMAT
                    + "\"); give a comparison.json written by 'parbench compare'.");
        }
        try {
            ComparisonDocument doc = ResultsJson.mapper().treeToValue(tree, ComparisonDocument.class);
            if (doc.run() == null || doc.setup() == null || doc.plan().isEmpty()) {
                throw new ResultsException(file + " is a malformed comparison document: it lacks run, setup or plan.");
            }
            return doc;
        } catch (JsonProcessingException e) {
            throw new ResultsException(file + " is a malformed comparison document: " + e.getOriginalMessage() + ".");
        }
    }
}
