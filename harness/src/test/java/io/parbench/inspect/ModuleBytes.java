package io.parbench.inspect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-made module bytes, for inputs no toolchain would produce (broken ones above all). */
final class ModuleBytes {

    static final byte[] HEADER = bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
    static final int TYPE = 1, IMPORT = 2, FUNCTION = 3, MEMORY = 5, EXPORT = 7, CODE = 10;

    private ModuleBytes() {}

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] uleb(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return out.toByteArray();
    }

    static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return concat(uleb(utf8.length), utf8);
    }

    static byte[] section(int id, byte[]... contents) {
        byte[] body = concat(contents);
        return concat(bytes(id), uleb(body.length), body);
    }

    static byte[] module(byte[]... sections) {
        return concat(HEADER, concat(sections));
    }

    /** A module with one function of type () -> (); {@code body} is its locals and instructions. */
    static byte[] withFunctionBody(byte[] body) {
        return module(
                section(TYPE, bytes(1, 0x60, 0, 0)),
                section(FUNCTION, bytes(1, 0)),
                section(CODE, bytes(1), uleb(body.length), body));
    }

    /** A module importing env.memory with the given limits flags and values. */
    static byte[] importingMemory(int flags, int... limits) {
        byte[] values = new byte[0];
        for (int v : limits) values = concat(values, uleb(v));
        return module(section(IMPORT, bytes(1), name("env"), name("memory"), bytes(0x02, flags), values));
    }
}
