package io.parbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads results documents, refusing anything that is not a parbench document of a known version. */
public final class ResultsReader {

    private ResultsReader() {}

    /** @throws UserError with a message that says what is wrong with the file and what to do */
    public static RunDocument read(Path file) {
        JsonNode tree;
        try {
            tree = ResultsJson.mapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserError("No such results file: " + file + ". Give the path of a file written by 'parbench run' (default reports/latest/results.json).");
        } catch (JsonProcessingException e) {
            throw new UserError(file + " is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "). Is it a parbench results file?");
        } catch (IOException e) {
            throw new UserError("Could not read " + file + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject() || !RunDocument.FORMAT.equals(tree.path("format").asText())) {
            throw new UserError(file + " is not a parbench results document (no \"format\": \"" + RunDocument.FORMAT
                    + "\"). Give a file written by 'parbench run'.");
        }
        int version = tree.path("version").asInt(-1);
        if (version != RunDocument.VERSION) {
            throw new UserError(file + " has results format version " + tree.path("version")
                    + "; this parbench reads version " + RunDocument.VERSION + ". Use the parbench that wrote it, or re-run the benchmark.");
        }
        RunDocument doc;
        try {
            doc = ResultsJson.mapper().treeToValue(tree, RunDocument.class);
        } catch (JsonProcessingException e) {
            throw new UserError(file + " is a malformed results document: " + e.getOriginalMessage() + ".");
        }
        if (doc.run() == null || doc.environment() == null) {
            throw new UserError(file + " is a malformed results document: it lacks \"run\" or \"environment\".");
        }
        for (ConfigurationResult c : doc.configurations()) {
            if (c.configuration() == null || c.status() == null) {
                throw new UserError(file + " is a malformed results document: a configuration lacks \"configuration\" or \"status\".");
            }
        }
        return doc;
    }
}
