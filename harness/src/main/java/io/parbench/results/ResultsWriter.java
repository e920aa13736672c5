package io.parbench.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a results document atomically (see {@link OutputFile}): after every configuration, a whole document. */
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
        ObjectNode tree = ResultsJson.mapper().valueToTree(document);
        derived.forEach((name, section) -> tree.set(name, ResultsJson.mapper().valueToTree(section)));
        byte[] bytes;
        try {
            bytes = ResultsJson.mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("a results document that is not JSON: " + e.getMessage(), e);
        }
        OutputFile.write(target, bytes, "the results");
    }
}
