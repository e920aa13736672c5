package io.parbench.inspect;

import static io.parbench.inspect.ModuleBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The walker must decode every immediate to stay in step: checked against Chicory's decoder on
 * compiler output and on a module with one of each immediate shape, and by hand where Chicory
 * does not decode (legacy exceptions, relaxed SIMD).
 */
class InstructionWalkerTest {

    @Test
    void everyImmediateShapeIsDecoded() throws Exception {
        byte[] module = WasmFixtures.bytes(WasmFixtures.wat("every-immediate.wat", false));
        InstructionStats s = ModuleReader.read(module).instructions();

        assertEquals(ChicoryOracle.count(module), ChicoryOracle.of(s));
        // By hand from the .wat: every line is one instruction, plus each function's final end.
        assertEquals(7, s.functions());
        assertEquals(92, s.total());
        assertEquals(8, s.atomic());
        assertEquals(Map.of("memory.atomic.notify", 1L, "memory.atomic.wait32", 1L, "memory.atomic.wait64", 1L,
                "atomic.fence", 1L, "atomic loads", 1L, "atomic stores", 1L, "atomic read-modify-writes", 2L), s.atomicByKind());
        assertEquals(7, s.bulkMemory(), "memory.init, data.drop, memory.copy, memory.fill, table.init, elem.drop, table.copy");
        assertEquals(10, s.simd());
        assertEquals(0, s.functionsNotScanned());
    }

    @Test
    void newerProposalsAreDecoded() throws Exception {
        InstructionStats s = ModuleReader.read(WasmFixtures.bytes(WasmFixtures.wat("newer-proposals.wat", false))).instructions();

        assertEquals(3, s.functions());
        assertEquals(13 + 6 + 7, s.total());
        assertEquals(3, s.simd(), "relaxed SIMD counts as SIMD");
        assertEquals(Map.of("memory.copy", 1L), s.bulkMemoryByKind());
        assertEquals(0, s.functionsNotScanned());
    }

    @Test
    void clangOutputMatchesTheOracle() throws Exception {
        for (Path module : new Path[] {WasmFixtures.threadedC(), WasmFixtures.plainC(),
                WasmFixtures.clang("plain.c", "plain-simd", WasmFixtures.CLANG_WASM + " -msimd128")}) {
            byte[] bytes = WasmFixtures.bytes(module);
            assertEquals(ChicoryOracle.count(bytes), ChicoryOracle.of(ModuleReader.read(bytes).instructions()), module.toString());
        }
    }

    @Test
    void aLargerGeneratedModuleMatchesTheOracle() throws Exception {
        StringBuilder c = new StringBuilder("#include <stdatomic.h>\n#include <stdint.h>\nstatic _Atomic int64_t total;\n");
        for (int i = 0; i < 120; i++) {
            c.append(String.format("""
                    __attribute__((export_name("f%1$d"))) int64_t f%1$d(int32_t *a, float *x, int32_t n) {
                      int64_t s = %1$d;
                      for (int32_t k = 0; k < n; k++) { x[k] = x[k] * %1$d.5f + 1.0f; s += a[k] >> (k & %2$d); }
                      switch (n & 7) { case 0: s ^= 3; break; case 1: s += 7; break; case 5: s *= 11; break; default: s -= 1; }
                      __builtin_memset(a, 0, (unsigned) n);
                      return atomic_fetch_add(&total, s) + s;
                    }
                    """, i, i % 13 + 1));
        }
        byte[] module = WasmFixtures.bytes(WasmFixtures.clangCode(c.toString(), "generated",
                WasmFixtures.THREADED + " -msimd128"));

        InstructionStats s = ModuleReader.read(module).instructions();

        assertEquals(ChicoryOracle.count(module), ChicoryOracle.of(s));
        assertTrue(s.functions() >= 120 && s.simd() > 0 && s.atomic() >= 120 && s.bulkMemory() > 0, s.toString());
    }

    @Test
    void anUnknownOpcodeStopsOnlyItsOwnFunction() throws Exception {
        // 0xFD 0x200: past relaxed SIMD. The other function is still counted.
        byte[] unknown = bytes(0, 0xFD, 0x80, 0x04, 0x0B);
        byte[] known = bytes(0, 0xFE, 0x03, 0x00, 0x0B);
        byte[] module = ModuleBytes.module(
                ModuleBytes.section(ModuleBytes.TYPE, bytes(1, 0x60, 0, 0)),
                ModuleBytes.section(ModuleBytes.FUNCTION, bytes(2, 0, 0)),
                ModuleBytes.section(ModuleBytes.CODE, bytes(2, unknown.length), unknown, bytes(known.length), known));

        InstructionStats s = ModuleReader.read(module).instructions();

        assertEquals(1, s.functionsNotScanned());
        assertTrue(s.firstUnknownOpcode().startsWith("unknown opcode 0xFD 0x200 at byte offset "), s.firstUnknownOpcode());
        assertTrue(s.firstUnknownOpcode().endsWith("in function 0"), s.firstUnknownOpcode());
        assertEquals(Map.of("atomic.fence", 1L), s.atomicByKind());
        assertEquals(3, s.total(), "the unknown opcode itself, then the other function's fence and end");
    }

    @Test
    void aBodyMustEndWithEnd() {
        var e = assertThrows(WasmFormatException.class, () -> ModuleReader.read(ModuleBytes.withFunctionBody(bytes(0, 0x01))));
        assertTrue(e.getMessage().contains("does not finish with 'end'"), e.getMessage());
    }

    @Test
    void anImmediateCannotRunPastItsBody() {
        // i32.const with a LEB128 that continues past the body into the next bytes of the file.
        byte[] module = ModuleBytes.concat(ModuleBytes.withFunctionBody(bytes(0, 0x41, 0x80)), bytes(0x00, 0x01, 0x00));
        var e = assertThrows(WasmFormatException.class, () -> ModuleReader.read(module));
        assertTrue(e.getMessage().contains("unexpected end of data"), e.getMessage());
    }

    @Test
    void noCodeMeansNoInstructions() throws Exception {
        InstructionStats s = ModuleReader.read(ModuleBytes.module()).instructions();
        assertEquals(0, s.total());
        assertNull(s.firstUnknownOpcode());
    }
}
