package io.parbench.results;

import java.io.IOException;

/**
 * A file the harness had to write could not be written (see {@link OutputFile}). Found before
 * the work started it is bad input; after, the work ran and its output could not be kept.
 */
public final class OutputFileException extends RuntimeException {

    private final boolean beforeWork;

    public OutputFileException(String message, IOException cause, boolean beforeWork) {
        super(message, cause);
        this.beforeWork = beforeWork;
    }

    /** Whether it was found by the check before any work (bad input), not by a write after it. */
    public boolean beforeWork() {
        return beforeWork;
    }
}
