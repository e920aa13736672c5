package io.parbench.inspect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over a slice of a module's bytes, reading the binary format's
 * primitives (bytes, LEB128 integers, names). It never allocates for numbers, so walking
 * multi-megabyte code sections stays fast; every read past the slice's end is a
 * {@link WasmFormatException} naming the offset, never an index exception.
 */
final class ByteReader {

    private final byte[] bytes;
    private int pos;
    private final int end;

    ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ByteReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = end;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= end;
    }

    int remaining() {
        return end - pos;
    }

    int u8() throws WasmFormatException {
        if (pos >= end) throw truncated(1);
        return bytes[pos++] & 0xFF;
    }

    /** The next byte, without consuming it. */
    int peek() throws WasmFormatException {
        if (pos >= end) throw truncated(1);
        return bytes[pos] & 0xFF;
    }

    void skip(long n) throws WasmFormatException {
        if (n < 0 || n > remaining()) throw truncated(n);
        pos += (int) n;
    }

    /** Reads {@code n} bytes into a new slice reader and moves past them. */
    ByteReader slice(long n, String what) throws WasmFormatException {
        if (n < 0 || n > remaining()) {
            throw WasmFormatException.at(pos, what + " declares " + n + " bytes but only " + remaining()
                    + " remain: the file is truncated or corrupt");
        }
        ByteReader s = new ByteReader(bytes, pos, pos + (int) n);
        pos += (int) n;
        return s;
    }

    /** An unsigned LEB128 integer of at most 32 bits (at most 5 bytes). */
    int u32() throws WasmFormatException {
        return (int) unsigned(32);
    }

    /** A u32 used as a count or length: must not exceed 2^31-1, else the file is corrupt. */
    int count(String what) throws WasmFormatException {
        int start = pos;
        int n = u32();
        if (n < 0) throw WasmFormatException.at(start, what + " is " + Integer.toUnsignedString(n) + ", more than any real module has; the file is corrupt");
        return n;
    }

    /** An unsigned LEB128 integer of at most 64 bits (at most 10 bytes). */
    long u64() throws WasmFormatException {
        return unsigned(64);
    }

    private long unsigned(int bits) throws WasmFormatException {
        int start = pos;
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            int shift = 7 * i;
            if (i == maxBytes - 1 && (b & 0x7F) >>> (bits - shift) != 0) {
                throw WasmFormatException.at(start, "malformed LEB128 integer: its value does not fit in " + bits + " bits; the file is corrupt");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw tooLong(start, bits);
    }

    /**
     * Skips a signed LEB128 integer of up to {@code bits} bits (32 for i32.const, 33 for block
     * and heap types, 64 for i64.const): the walker needs its length, not its value.
     */
    void skipSigned(int bits) throws WasmFormatException {
        int start = pos;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; i < maxBytes; i++) {
            if ((u8() & 0x80) == 0) return;
        }
        throw tooLong(start, bits);
    }

    /** A name: a u32 byte length and that many bytes of UTF-8. */
    String name(String what) throws WasmFormatException {
        int start = pos;
        int length = count("the length of " + what);
        if (length > remaining()) {
            throw WasmFormatException.at(start, what + " is said to be " + length + " bytes long but only " + remaining()
                    + " bytes remain: the file is truncated or corrupt");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, pos, length))
                    .toString();
            pos += length;
            return s;
        } catch (CharacterCodingException e) {
            throw WasmFormatException.at(start, what + " is not valid UTF-8; the file is corrupt");
        }
    }

    private static WasmFormatException tooLong(int start, int bits) {
        return WasmFormatException.at(start, "malformed LEB128 integer: longer than the " + (bits + 6) / 7 + " bytes a "
                + bits + "-bit value may take; the file is corrupt");
    }

    private WasmFormatException truncated(long wanted) {
        return WasmFormatException.at(pos, "unexpected end of data: needed " + wanted + " more byte(s) but "
                + remaining() + " remain; the file is truncated or corrupt");
    }
}
