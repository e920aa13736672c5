package io.parbench.inspect;

import java.util.Map;

/**
 * What the code section contains, for threads: how many instructions in all, and how many atomic
 * (threads proposal), bulk-memory and SIMD ones, by kind. Functions with an opcode parbench does
 * not know are counted up to that opcode, so their counts are lower bounds.
 *
 * @param functions function bodies in the code section
 * @param total every instruction, each function's final {@code end} included
 * @param functionsNotScanned bodies whose walk stopped at an unknown opcode
 * @param firstUnknownOpcode the first such opcode and where it is, or null
 */
public record InstructionStats(
        int functions,
        long total,
        long atomic,
        Map<String, Long> atomicByKind,
        long bulkMemory,
        Map<String, Long> bulkMemoryByKind,
        long simd,
        int functionsNotScanned,
        String firstUnknownOpcode) {

    public static final InstructionStats NONE = new InstructionTally().stats(0, 0, null);

    public long atomicWaits() {
        return atomicByKind.getOrDefault(InstructionTally.AtomicKind.WAIT32.label, 0L)
                + atomicByKind.getOrDefault(InstructionTally.AtomicKind.WAIT64.label, 0L);
    }

    public long atomicNotifies() {
        return atomicByKind.getOrDefault(InstructionTally.AtomicKind.NOTIFY.label, 0L);
    }
}
