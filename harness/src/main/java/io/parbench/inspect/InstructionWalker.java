package io.parbench.inspect;

/**
 * Walks WebAssembly instructions, decoding every immediate so that it lands on the next opcode, and
 * tallies the ones that matter for threads. Covers the 2.0 spec plus the threads, tail-call,
 * exception-handling (legacy and new), typed-function-reference, GC, relaxed-SIMD, memory64 and
 * multi-memory encodings. An opcode outside those is an {@link UnknownOpcode}: its immediates are
 * unknown, so the rest of that function body cannot be walked.
 */
final class InstructionWalker {

    static final int END = 0x0B;

    private static final int PREFIX_GC = 0xFB;
    private static final int PREFIX_MISC = 0xFC;
    private static final int PREFIX_SIMD = 0xFD;
    private static final int PREFIX_ATOMIC = 0xFE;

    /** An opcode this walker does not know (a newer proposal, or corrupt code). */
    static final class UnknownOpcode extends Exception {
        UnknownOpcode(String opcode, int offset) {
            super("unknown opcode " + opcode + " at byte offset " + offset);
        }
    }

    private InstructionWalker() {}

    /**
     * Walks one function body (its local declarations, then its instructions), which must end
     * exactly with the body's final {@code end}.
     */
    static void walkBody(ByteReader body, InstructionTally tally) throws WasmFormatException, UnknownOpcode {
        int groups = body.count("the number of local declarations");
        for (int i = 0; i < groups; i++) {
            body.u32();
            skipValueType(body);
        }
        int last = -1;
        while (!body.atEnd()) {
            last = instruction(body, tally);
        }
        if (last != END) {
            throw WasmFormatException.at(body.position(), "a function body does not finish with 'end': the code section is corrupt");
        }
    }

    /** Skips a constant expression (a data or element segment's offset) up to and including its {@code end}. */
    static void skipConstantExpression(ByteReader r) throws WasmFormatException {
        InstructionTally ignored = new InstructionTally();
        try {
            while (instruction(r, ignored) != END) {
                // constant expressions have no blocks: the first 'end' closes them
            }
        } catch (UnknownOpcode e) {
            throw new WasmFormatException("a constant expression has an " + e.getMessage() + "; the file is corrupt");
        }
    }

    /** Reads one instruction and its immediates; returns its opcode (prefixed ones as prefix << 16 | sub-opcode). */
    static int instruction(ByteReader r, InstructionTally tally) throws WasmFormatException, UnknownOpcode {
        int at = r.position();
        int op = r.u8();
        tally.instruction();
        switch (op) {
            case 0x00, 0x01, 0x05, 0x0A, 0x0B, 0x0F, 0x19, 0x1A, 0x1B, 0xD1, 0xD3, 0xD4 -> { }
            case 0x02, 0x03, 0x04, 0x06 -> skipBlockType(r);
            case 0x07, 0x08, 0x09, 0x0C, 0x0D, 0x10, 0x12, 0x14, 0x15, 0x18, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26,
                 0x3F, 0x40, 0xD2, 0xD5, 0xD6 -> r.u32();
            case 0x11, 0x13 -> { r.u32(); r.u32(); }
            case 0x0E -> {
                int labels = r.count("the number of br_table labels");
                for (int i = 0; i <= labels; i++) r.u32();
            }
            case 0x1C -> {
                int types = r.count("the number of select types");
                for (int i = 0; i < types; i++) skipValueType(r);
            }
            case 0x1F -> skipTryTable(r, at);
            case 0x41 -> r.skipSigned(32);
            case 0x42 -> r.skipSigned(64);
            case 0x43 -> r.skip(4);
            case 0x44 -> r.skip(8);
            case 0xD0 -> r.skipSigned(33);
            case PREFIX_GC -> gc(r, at);
            case PREFIX_MISC -> misc(r, at, tally);
            case PREFIX_SIMD -> simd(r, at, tally);
            case PREFIX_ATOMIC -> atomic(r, at, tally);
            default -> {
                if (op >= 0x28 && op <= 0x3E) {
                    skipMemarg(r);
                } else if (op < 0x45 || op > 0xC4) { // 0x45..0xC4: numeric operators, no immediates
                    throw new UnknownOpcode(String.format("0x%02X", op), at);
                }
            }
        }
        return op;
    }

    private static void misc(ByteReader r, int at, InstructionTally tally) throws WasmFormatException, UnknownOpcode {
        int sub = r.u32();
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> { } // saturating truncations
            case 8, 10, 12, 14 -> { r.u32(); r.u32(); } // memory.init, memory.copy, table.init, table.copy
            case 9, 11, 13, 15, 16, 17 -> r.u32(); // data.drop, memory.fill, elem.drop, table.grow/size/fill
            default -> throw new UnknownOpcode(prefixed(PREFIX_MISC, sub), at);
        }
        tally.misc(sub);
    }

    private static void simd(ByteReader r, int at, InstructionTally tally) throws WasmFormatException, UnknownOpcode {
        int sub = r.u32();
        if (sub <= 11 || sub == 92 || sub == 93) { // loads and stores
            skipMemarg(r);
        } else if (sub == 12 || sub == 13) { // v128.const, i8x16.shuffle
            r.skip(16);
        } else if (sub >= 21 && sub <= 34) { // extract_lane, replace_lane
            r.u8();
        } else if (sub >= 84 && sub <= 91) { // load_lane, store_lane
            skipMemarg(r);
            r.u8();
        } else if (sub > 0x113) {
            throw new UnknownOpcode(prefixed(PREFIX_SIMD, sub), at);
        }
        // Every other code up to 0x113 (0x100..0x113: relaxed SIMD) has no immediates; the few
        // unassigned ones among them are taken the same way.
        tally.simd();
    }

    private static void atomic(ByteReader r, int at, InstructionTally tally) throws WasmFormatException, UnknownOpcode {
        int sub = r.u32();
        if (sub == 0x03) { // atomic.fence: one reserved zero byte
            r.u8();
        } else if (sub <= 0x02 || (sub >= 0x10 && sub <= 0x4E)) {
            skipMemarg(r);
        } else {
            throw new UnknownOpcode(prefixed(PREFIX_ATOMIC, sub), at);
        }
        tally.atomic(sub);
    }

    private static void gc(ByteReader r, int at) throws WasmFormatException, UnknownOpcode {
        int sub = r.u32();
        switch (sub) {
            case 0, 1, 6, 7, 11, 12, 13, 14, 16 -> r.u32();
            case 2, 3, 4, 5, 8, 9, 10, 17, 18, 19 -> { r.u32(); r.u32(); }
            case 15, 26, 27, 28, 29, 30 -> { }
            case 20, 21, 22, 23 -> r.skipSigned(33);
            case 24, 25 -> { // br_on_cast(_fail): flags, label, two heap types
                r.u8();
                r.u32();
                r.skipSigned(33);
                r.skipSigned(33);
            }
            default -> throw new UnknownOpcode(prefixed(PREFIX_GC, sub), at);
        }
    }

    private static void skipTryTable(ByteReader r, int at) throws WasmFormatException {
        skipBlockType(r);
        int catches = r.count("the number of try_table catch clauses");
        for (int i = 0; i < catches; i++) {
            int kind = r.u8();
            switch (kind) {
                case 0, 1 -> { r.u32(); r.u32(); } // catch / catch_ref: tag, label
                case 2, 3 -> r.u32(); // catch_all / catch_all_ref: label
                default -> throw WasmFormatException.at(at, "try_table has an unknown catch kind " + kind + "; the code section is corrupt");
            }
        }
    }

    /** Alignment (bit 6 set: a memory index follows, multi-memory) and offset (up to 64 bits, memory64). */
    private static void skipMemarg(ByteReader r) throws WasmFormatException {
        int align = r.u32();
        if ((align & 0x40) != 0) r.u32();
        r.u64();
    }

    /** Empty (0x40), a value type, or a type index (a positive s33). */
    private static void skipBlockType(ByteReader r) throws WasmFormatException {
        int b = r.peek();
        if (b == 0x40) {
            r.u8();
        } else if (isReferenceTypePrefix(b)) {
            skipValueType(r);
        } else {
            r.skipSigned(33);
        }
    }

    /** One byte, except the typed references (ref ht) and (ref null ht), which carry a heap type. */
    static void skipValueType(ByteReader r) throws WasmFormatException {
        int b = r.u8();
        if (isReferenceTypePrefix(b)) r.skipSigned(33);
    }

    private static boolean isReferenceTypePrefix(int b) {
        return b == 0x63 || b == 0x64;
    }

    private static String prefixed(int prefix, int sub) {
        return String.format("0x%02X 0x%X", prefix, sub);
    }
}
