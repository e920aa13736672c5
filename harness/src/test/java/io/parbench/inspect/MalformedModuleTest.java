package io.parbench.inspect;

import static io.parbench.inspect.ModuleBytes.HEADER;
import static io.parbench.inspect.ModuleBytes.bytes;
import static io.parbench.inspect.ModuleBytes.concat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken, truncated and foreign files: always a WasmFormatException that says what is wrong. */
class MalformedModuleTest {

    static Arguments[] brokenFiles() {
        return new Arguments[] {
            Arguments.of("empty", bytes(), "the file is empty (0 bytes)"),
            Arguments.of("wrong magic", bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0), "not a WebAssembly module: it starts with 7F 45 4C 46 02 01 01 00 instead of 00 61 73 6D ('\\0asm'); it is an ELF (native) binary"),
            Arguments.of("text format", "(module (func))".getBytes(StandardCharsets.US_ASCII), "it looks like WebAssembly text: compile it with wat2wasm first"),
            Arguments.of("JavaScript glue", "import init from './pkg.js';".getBytes(StandardCharsets.US_ASCII), "it looks like JavaScript"),
            Arguments.of("HTML error page", "<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII), "it looks like HTML"),
            Arguments.of("wrong version", bytes(0, 'a', 's', 'm', 2, 0, 0, 0), "unsupported WebAssembly binary version (bytes 4-7 are 02 00 00 00"),
            Arguments.of("component", bytes(0, 'a', 's', 'm', 0x0D, 0, 1, 0), "this is a WebAssembly component (component model), not a core module"),
            Arguments.of("truncated header", bytes(0, 'a', 's', 'm', 1, 0), "the file is 6 bytes long, shorter than the 8-byte WebAssembly header"),
            Arguments.of("section length beyond the file", concat(HEADER, bytes(ModuleBytes.TYPE, 0x10, 1, 0x60)),
                    "the type section declares 16 bytes but only 2 remain: the file is truncated or corrupt (at byte offset 10)"),
            Arguments.of("LEB128 overflow in a section length", concat(HEADER, bytes(ModuleBytes.TYPE, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01)),
                    "malformed LEB128 integer: longer than the 5 bytes a 32-bit value may take; the file is corrupt (at byte offset 9)"),
            Arguments.of("LEB128 too large for 32 bits", concat(HEADER, bytes(ModuleBytes.TYPE, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)),
                    "malformed LEB128 integer: its value does not fit in 32 bits"),
            Arguments.of("truncated section length", concat(HEADER, bytes(ModuleBytes.CODE, 0x80)), "unexpected end of data"),
            Arguments.of("unknown section id", concat(HEADER, bytes(42, 0)), "unknown section id 42"),
            Arguments.of("name longer than the file", ModuleBytes.module(ModuleBytes.section(ModuleBytes.EXPORT, bytes(1, 0xFF, 0xFF, 0xFF, 0x7F))),
                    "an export's name is said to be 268435455 bytes long"),
            Arguments.of("count beyond 2^31", ModuleBytes.module(ModuleBytes.section(ModuleBytes.IMPORT, bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F))),
                    "the number of imports is 4294967295, more than any real module has"),
            Arguments.of("leftover bytes in a section", ModuleBytes.module(ModuleBytes.section(ModuleBytes.MEMORY, bytes(1, 0, 1, 0xAA))),
                    "the memory section has 1 byte(s) left over after its contents"),
            Arguments.of("unknown import kind", ModuleBytes.module(ModuleBytes.section(ModuleBytes.IMPORT, bytes(1),
                    ModuleBytes.name("env"), ModuleBytes.name("f"), bytes(7))), "import env.f has unknown kind 7"),
            Arguments.of("unknown limits flags", ModuleBytes.importingMemory(0x20, 1), "unknown memory limits flags 0x20"),
            Arguments.of("export name not UTF-8", ModuleBytes.module(ModuleBytes.section(ModuleBytes.EXPORT, bytes(1, 2, 0xC3, 0x28, 0, 0))),
                    "an export's name is not valid UTF-8"),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFilesAreExplained(String what, byte[] file, String expected) {
        var e = assertThrows(WasmFormatException.class, () -> ModuleReader.read(file));
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    @Test
    void everyTruncationOfARealModuleIsAFormatError() throws Exception {
        byte[] module = WasmFixtures.bytes(WasmFixtures.threadedC());
        ModuleReader.read(module);
        for (int length = 0; length < module.length; length++) {
            byte[] prefix = Arrays.copyOf(module, length);
            try {
                ModuleReader.read(prefix);
                // A cut between two sections leaves a shorter valid module, which is fine.
            } catch (WasmFormatException expected) {
                assertTrue(expected.getMessage().length() > 20, expected.getMessage());
            }
        }
    }

    @Test
    void corruptedBytesNeverEscapeAsAnotherException() throws Exception {
        byte[] module = WasmFixtures.bytes(WasmFixtures.threadedC());
        SplittableRandom random = new SplittableRandom(20251127);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] corrupt = module.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                corrupt[WasmHeader.LENGTH + random.nextInt(corrupt.length - WasmHeader.LENGTH)] = (byte) random.nextInt(256);
            }
            try {
                ModuleReader.read(corrupt);
            } catch (WasmFormatException expected) {
                // the only way a bad module may fail
            }
        }
    }
}
