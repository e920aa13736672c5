package io.parbench.inspect;

/**
 * The bytes are not a WebAssembly module parbench can read: truncated, corrupt, or something else
 * entirely. The message says what was found, where (byte offset) and what to do about it.
 */
public final class WasmFormatException extends Exception {

    public WasmFormatException(String message) {
        super(message);
    }

    /** A problem at a byte offset of the file. */
    public static WasmFormatException at(int offset, String problem) {
        return new WasmFormatException(problem + " (at byte offset " + offset + ")");
    }
}
