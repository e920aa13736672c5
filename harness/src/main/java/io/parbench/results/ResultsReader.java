package io.parbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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

    /**
     * A document that holds at least one configuration, as report, gate and export need (see
     * {@link ResultsValidator#requireConfigurations}).
     *
     * @throws ResultsException with a message that says what is wrong with the file and what to do
     */
    public static RunDocument readMeasured(Path file) {
        RunDocument document = read(file);
        ResultsValidator.requireConfigurations(file.toString(), document);
        return document;
    }

    /** @throws ResultsException with a message that says what is wrong with the file and what to do */
    public static RunDocument read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ResultsException(file + " is a folder: give the path of a results file written by 'parbench run', e.g. "
                    + file.resolve("results.json") + ".");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultsException("No such results file: " + file + ". Give the path of a file written by 'parbench run' (default reports/latest/results.json).");
        } catch (IOException e) {
            throw new ResultsException("Could not read " + file + ": " + e.getMessage());
        }
        // A well-formed document in one pass (a large one is read in seconds); anything else again, as a tree, which says what is wrong.
        RunDocument doc = bound(bytes);
        if (doc == null) {
            doc = fromTree(file, bytes);
        }
        ResultsValidator.validate(file.toString(), doc);
        return doc;
    }

    /** The document bound directly, or null when it is not simply a document of this format and a version read here. */
    private static RunDocument bound(byte[] bytes) {
        try {
            RunDocument doc = ResultsJson.lenientReader().forType(RunDocument.class).readValue(bytes);
            return doc != null && RunDocument.FORMAT.equals(doc.format()) && doc.version() >= RunDocument.OLDEST_READABLE_VERSION
                    && doc.version() <= RunDocument.VERSION ? doc : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Every check in turn, on the document read as a tree: the first one failed is the refusal. */
    private static RunDocument fromTree(Path file, byte[] bytes) {
        JsonNode tree;
        try {
            tree = ResultsJson.lenientReader().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ResultsException(file + " is not valid JSON: " + DocumentErrors.syntax(e) + ". Is it a parbench results file?");
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
        try {
            return ResultsJson.mapper().treeToValue(tree, RunDocument.class);
        } catch (JsonMappingException e) {
            throw ResultsValidator.damaged(file.toString(), DocumentErrors.schema(tree, e));
        } catch (JsonProcessingException e) {
            throw ResultsValidator.damaged(file.toString(), DocumentErrors.syntax(e));
        }
    }
}
