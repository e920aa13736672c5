package io.parbench.gate;

import io.parbench.results.RunDocument;

/** A results document with the name people know it by (its file), for messages. */
public record LabelledDocument(String label, RunDocument document) {}
