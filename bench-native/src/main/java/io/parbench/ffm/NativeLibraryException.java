package io.parbench.ffm;

/** The C kernel library could not be found, extracted, loaded or bound; the message says what to do. */
public final class NativeLibraryException extends RuntimeException {
    NativeLibraryException(String message) {
        super(message);
    }

    NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
