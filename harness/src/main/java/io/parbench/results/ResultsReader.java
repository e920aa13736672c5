package io.parbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads results documents, refusing anything that is not a well-formed parbench document of a
 * known version ({@link ResultsValidator}): what it returns, every later stage may trust.
 */
public final class ResultsReader {

    private ResultsReader() {}

    /** @throws ResultsException with a message that says what is wrong with the file and what to do */
    public static RunDocument read(Path file) {
        JsonNode tree;
        try {
            tree = ResultsJson.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ResultsException("No such results file: " + file + ". Give the path of a file written by 'parbench run' (default reports/latest/results.json).");
        } catch (JsonProcessingException e) {
            throw new ResultsException(file + " is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "). Is it a parbench results file?");
        } catch (IOException e) {
            throw new ResultsException("Could not read " + file + ": " + e.getMessage());
        }
        if (tree != null && ComparisonDocument.FORMAT.equals(tree.path("format").asText())) {
            throw new ResultsException(file + " is a comparison written by 'parbench compare', not a run's results: its decisions"
                    + " and report come from 'parbench compare --from " + file + "'.");
        }
        if (tree == null || !tree.isObject() || !RunDocument.FORMAT.equals(tree.path("format").asText())) {
            throw new ResultsException(file + " is not a parbench results document (no \"format\": \"" + RunDocument.FORMAT
                    + "\"). Give a file written by 'parbench run'.");
        }
        int version = tree.path("version").asInt(-1);
        if (version < RunDocument.OLDEST_READABLE_VERSION || version > RunDocument.VERSION) {
            throw new ResultsException(file + " has results format version " + tree.path("version") + "; this parbench reads versions "
                    + RunDocument.OLDEST_READABLE_VERSION + " to " + RunDocument.VERSION
                    + ". Use the parbench that wrote it, or re-run the benchmark.");
        }
        RunDocument doc;
        try {
            doc = ResultsJson.mapper().treeToValue(tree, RunDocument.class);
        } catch (JsonProcessingException e) {
            throw new ResultsException(file + " is a malformed results document: " + e.getOriginalMessage() + ".");
        }
        ResultsValidator.validate(file.toString(), doc);
        return doc;
    }
}
