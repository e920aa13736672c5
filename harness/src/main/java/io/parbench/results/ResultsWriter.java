package io.parbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes a results document atomically (see {@link AtomicFile}): after every configuration, a whole document. */
public final class ResultsWriter {

    private ResultsWriter() {}

    public static void write(RunDocument document, Path target) {
        try {
            AtomicFile.write(target, ResultsJson.mapper().writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write results to " + target + ": " + e.getMessage(), e);
        }
    }
}
