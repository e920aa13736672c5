package io.parbench.inspect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 8-byte header of a core module ({@code \0asm}, version 1), with messages that recognise the
 * usual wrong files: WebAssembly text, components, JavaScript glue, native binaries.
 */
final class WasmHeader {

    static final int LENGTH = 8;
    private static final int[] MAGIC = {0x00, 0x61, 0x73, 0x6D};

    private WasmHeader() {}

    static void check(ByteReader r) throws WasmFormatException {
        if (r.remaining() == 0) {
            throw new WasmFormatException("the file is empty (0 bytes): it is not a WebAssembly module");
        }
        byte[] head = new byte[Math.min(LENGTH, r.remaining())];
        for (int i = 0; i < head.length; i++) head[i] = (byte) r.u8();
        if (!startsWith(head, Arrays.copyOf(MAGIC, Math.min(head.length, MAGIC.length)))) {
            throw new WasmFormatException("not a WebAssembly module: it starts with " + hex(head)
                    + " instead of 00 61 73 6D ('\\0asm')" + guess(head));
        }
        if (head.length < LENGTH) {
            throw new WasmFormatException("the file is " + head.length + " bytes long, shorter than the 8-byte WebAssembly header: it is truncated");
        }
        if (startsWith(head, 0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00)) {
            throw new WasmFormatException("this is a WebAssembly component (component model), not a core module: "
                    + "inspect the core module it was built from (e.g. the .wasm before 'wasm-tools component new')");
        }
        if (!startsWith(head, 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00)) {
            throw new WasmFormatException("unsupported WebAssembly binary version (bytes 4-7 are " + hex(head).substring(12)
                    + "; only version 1, 01 00 00 00, exists): the file is corrupt or from an unknown tool");
        }
    }

    private static String guess(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith("(mod") || text.startsWith(";;")) return "; it looks like WebAssembly text: compile it with wat2wasm first";
        if (startsWith(head, 0x7F, 'E', 'L', 'F')) return "; it is an ELF (native) binary";
        if (text.startsWith("<")) return "; it looks like HTML or XML (an error page instead of the download?)";
        if (text.startsWith("import") || text.startsWith("export") || text.startsWith("//")
                || text.startsWith("/*") || text.startsWith("var") || text.startsWith("const") || text.startsWith("\"use")) {
            return "; it looks like JavaScript: give the .wasm file its glue loads";
        }
        return "";
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) sb.append(sb.isEmpty() ? "" : " ").append(String.format("%02X", b & 0xFF));
        return sb.toString();
    }
}
