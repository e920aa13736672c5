package io.parbench.inspect;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.Instruction;

/**
 * Instruction counts by an independent decoder, Chicory's (checked against the WebAssembly spec
 * test suite), to check parbench's walker on real modules.
 */
final class ChicoryOracle {

    record Counts(long total, long atomic, long bulkMemory, long simd) {}

    private ChicoryOracle() {}

    static Counts count(byte[] module) {
        WasmModule m = Parser.builder().withValidation(false).build().parse(() -> new java.io.ByteArrayInputStream(module));
        long total = 0, atomic = 0, bulk = 0, simd = 0;
        CodeSection code = m.codeSection();
        for (int f = 0; f < code.functionBodyCount(); f++) {
            for (Instruction i : code.getFunctionBody(f).instructions()) {
                int op = i.opcode().opcode();
                total++;
                if (op >> 8 == 0xFE) atomic++;
                if (op >> 8 == 0xFD) simd++;
                if (op >= 0xFC08 && op <= 0xFC0E) bulk++; // memory.init .. table.copy
            }
        }
        return new Counts(total, atomic, bulk, simd);
    }

    static Counts of(InstructionStats s) {
        return new Counts(s.total(), s.atomic(), s.bulkMemory(), s.simd());
    }
}
