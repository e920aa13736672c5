package io.parbench.export;

import io.parbench.results.RunDocument;

/** Writes a results document in a format another tool reads. */
public interface Exporter {
    String export(RunDocument document);
}
