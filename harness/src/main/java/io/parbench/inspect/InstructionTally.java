package io.parbench.inspect;

import java.util.LinkedHashMap;
import java.util.Map;

/** Running counts of instructions while a module's code is walked; {@link #stats} freezes them. */
final class InstructionTally {

    /** Sub-opcodes 0xFC 8..14: the bulk-memory proposal's instructions. */
    private static final String[] BULK_MEMORY = {
        "memory.init", "data.drop", "memory.copy", "memory.fill", "table.init", "elem.drop", "table.copy"};
    private static final int FIRST_BULK_MEMORY = 8;

    private long total;
    private long simd;
    private final long[] bulkMemory = new long[BULK_MEMORY.length];
    private final long[] atomics = new long[AtomicKind.values().length];

    void instruction() {
        total++;
    }

    void simd() {
        simd++;
    }

    void misc(int sub) {
        int i = sub - FIRST_BULK_MEMORY;
        if (i >= 0 && i < BULK_MEMORY.length) bulkMemory[i]++;
    }

    void atomic(int sub) {
        atomics[AtomicKind.of(sub).ordinal()]++;
    }

    InstructionStats stats(int functions, int functionsNotScanned, String firstUnknownOpcode) {
        Map<String, Long> atomicByKind = new LinkedHashMap<>();
        for (AtomicKind k : AtomicKind.values()) {
            if (atomics[k.ordinal()] > 0) atomicByKind.put(k.label, atomics[k.ordinal()]);
        }
        Map<String, Long> bulkByKind = new LinkedHashMap<>();
        for (int i = 0; i < BULK_MEMORY.length; i++) {
            if (bulkMemory[i] > 0) bulkByKind.put(BULK_MEMORY[i], bulkMemory[i]);
        }
        return new InstructionStats(functions, total,
                atomicByKind.values().stream().mapToLong(Long::longValue).sum(), atomicByKind,
                bulkByKind.values().stream().mapToLong(Long::longValue).sum(), bulkByKind,
                simd, functionsNotScanned, firstUnknownOpcode);
    }

    /** The threads proposal's instructions (prefix 0xFE), grouped the way a reader thinks of them. */
    enum AtomicKind {
        NOTIFY("memory.atomic.notify"),
        WAIT32("memory.atomic.wait32"),
        WAIT64("memory.atomic.wait64"),
        FENCE("atomic.fence"),
        LOAD("atomic loads"),
        STORE("atomic stores"),
        RMW("atomic read-modify-writes");

        final String label;

        AtomicKind(String label) {
            this.label = label;
        }

        static AtomicKind of(int sub) {
            if (sub <= 0x03) return values()[sub];
            if (sub <= 0x16) return LOAD;
            if (sub <= 0x1D) return STORE;
            return RMW;
        }
    }
}
