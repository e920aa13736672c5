package io.parbench.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a results document atomically (see {@link AtomicFile}): after every configuration, a whole document. */
public final class ResultsWriter {

    private ResultsWriter() {}

    public static void write(RunDocument document, Path target) {
        write(document, Map.of(), target);
    }

    /**
     * Writes the document with derived top-level sections beside its measurements (e.g.
     * "analysis"), for the tools that read results.json; parbench itself recomputes them.
     */
    public static void write(RunDocument document, Map<String, Object> derived, Path target) {
        try {
            ObjectNode tree = ResultsJson.mapper().valueToTree(document);
            derived.forEach((name, section) -> tree.set(name, ResultsJson.mapper().valueToTree(section)));
            AtomicFile.write(target, ResultsJson.mapper().writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write results to " + target + ": " + e.getMessage(), e);
        }
    }
}
