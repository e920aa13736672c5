package io.parbench.results;

/**
 * A results document that cannot be used: missing, unreadable, not parbench's, of another
 * version, or damaged. The message names the file and says what to do; every command that reads
 * results sees the same verdict for the same file.
 */
public final class ResultsException extends RuntimeException {
    public ResultsException(String message) {
        super(message);
    }
}
