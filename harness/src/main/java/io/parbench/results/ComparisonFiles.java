package io.parbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
        byte[] bytes;
        try {
            bytes = ResultsJson.mapper().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("a comparison document that is not JSON: " + e.getMessage(), e);
        }
        OutputFile.write(target, bytes, "the comparison");
    }

    /** @throws ResultsException with a sentence saying what is wrong with the file */
    public static ComparisonDocument read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ResultsException(file + " is a folder: give the path of a comparison.json written by 'parbench compare', e.g. "
                    + file.resolve("comparison.json") + ".");
        }
        JsonNode tree;
        try {
            tree = ResultsJson.lenientReader().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ResultsException("No such comparison file: " + file + ". Give the comparison.json a 'parbench compare' wrote.");
        } catch (JsonProcessingException e) {
            throw new ResultsException(file + " is not valid JSON: " + DocumentErrors.syntax(e) + "; give a comparison.json written by"
                    + " 'parbench compare'.");
        } catch (IOException e) {
            throw new ResultsException("Could not read " + file + ": " + e.getMessage());
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
            for (ComparisonRound round : doc.rounds()) {
                for (ForkResult fork : round.forks()) {
                    if (fork.configuration() == null || fork.side() == null || fork.status() == null) {
                        throw new ResultsException(file + " is a malformed comparison document: a fork of round " + round.round()
                                + " lacks \"configuration\", \"side\" or \"status\".");
                    }
                    if (fork.status() != Status.FAILED) {
                        ResultsValidator.requireThroughputs(file.toString(), "round " + round.round() + ": "
                                + fork.configuration().label() + " side " + fork.side().letter(), fork.samples(), 1);
                    }
                }
            }
            return doc;
        } catch (JsonMappingException e) {
            throw new ResultsException(file + " is a malformed comparison document: " + DocumentErrors.schema(tree, e) + ".");
        } catch (JsonProcessingException e) {
            throw new ResultsException(file + " is a malformed comparison document: " + DocumentErrors.syntax(e) + ".");
        }
    }
}
