package io.parbench.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a WebAssembly binary module: the header, every section's bounds, and the contents that
 * matter for threads (imports, memories, exports, start, data segment modes, custom sections, and
 * the code, walked instruction by instruction). Other sections are checked for size and skipped.
 */
public final class ModuleReader {

    private static final String[] SECTION_NAMES = {
        "custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element",
        "code", "data", "data count", "tag"};
    private static final String[] KINDS = {"func", "table", "memory", "global", "tag"};
    private static final int KIND_MEMORY = 2;

    private final List<ImportInfo> imports = new ArrayList<>();
    private final List<MemoryInfo> memories = new ArrayList<>();
    private final List<ExportInfo> exports = new ArrayList<>();
    private final List<String> customSections = new ArrayList<>();
    private Map<String, List<String>> producers = Map.of();
    private List<String> targetFeatures = List.of();
    private InstructionStats instructions = InstructionStats.NONE;
    private DataSegments dataSegments = new DataSegments(0, 0);
    private Integer startFunction;
    private int importedFunctions;

    private ModuleReader() {}

    /** Reads a whole module; any malformation is a {@link WasmFormatException} that says what and where. */
    public static ModuleContents read(byte[] bytes) throws WasmFormatException {
        return new ModuleReader().module(new ByteReader(bytes));
    }

    private ModuleContents module(ByteReader r) throws WasmFormatException {
        WasmHeader.check(r);
        while (!r.atEnd()) {
            int at = r.position();
            int id = r.u8();
            if (id >= SECTION_NAMES.length) {
                throw WasmFormatException.at(at, "unknown section id " + id
                        + ": the file is corrupt, or uses a WebAssembly extension parbench does not know");
            }
            String what = SECTION_NAMES[id] + " section";
            ByteReader section = r.slice(r.u32() & 0xFFFFFFFFL, "the " + what);
            section(id, section);
            if (id != 0 && !section.atEnd()) {
                throw WasmFormatException.at(section.position(), "the " + what + " has " + section.remaining()
                        + " byte(s) left over after its contents: the file is corrupt");
            }
        }
        return new ModuleContents(withExportNames(), instructions, dataSegments, startFunction,
                List.copyOf(imports), List.copyOf(exports), List.copyOf(customSections),
                producers, targetFeatures);
    }

    private void section(int id, ByteReader s) throws WasmFormatException {
        switch (id) {
            case 0 -> customSection(s);
            case 2 -> importSection(s);
            case 5 -> {
                int n = s.count("the number of memories");
                for (int i = 0; i < n; i++) memories.add(memoryType(s, memories.size(), null));
            }
            case 7 -> exportSection(s);
            case 8 -> startFunction = s.u32();
            case 10 -> codeSection(s);
            case 11 -> dataSection(s);
            default -> s.skip(s.remaining()); // type, function, table, global, element, data count, tag
        }
    }

    private void importSection(ByteReader s) throws WasmFormatException {
        int n = s.count("the number of imports");
        for (int i = 0; i < n; i++) {
            String module = s.name("an import's module name");
            String name = s.name("an import's name");
            int at = s.position();
            int kind = s.u8();
            switch (kind) {
                case 0 -> { s.u32(); importedFunctions++; }
                case 1 -> { InstructionWalker.skipValueType(s); limits(s, false); }
                case 2 -> memories.add(memoryType(s, memories.size(), module + "." + name));
                case 3 -> { InstructionWalker.skipValueType(s); s.u8(); }
                case 4 -> { s.u8(); s.u32(); }
                default -> throw unknownKind(at, kind, "import " + module + "." + name);
            }
            imports.add(new ImportInfo(module, name, KINDS[kind]));
        }
    }

    private MemoryInfo memoryType(ByteReader s, int index, String importedFrom) throws WasmFormatException {
        Limits l = limits(s, true);
        return new MemoryInfo(index, importedFrom != null, importedFrom, List.of(), l.shared, l.is64,
                l.initial, l.maximum, l.pageBytes);
    }

    private record Limits(long initial, Long maximum, boolean shared, boolean is64, long pageBytes) {}

    /** Flags: bit 0 has a maximum, bit 1 shared, bit 2 64-bit, bit 3 (memories) a custom page size follows. */
    private static Limits limits(ByteReader s, boolean memory) throws WasmFormatException {
        int at = s.position();
        int flags = s.u8();
        int known = memory ? 0x0F : 0x05;
        if ((flags & ~known) != 0) {
            throw WasmFormatException.at(at, String.format("unknown %s limits flags 0x%02X: the file is corrupt",
                    memory ? "memory" : "table", flags));
        }
        boolean is64 = (flags & 0x04) != 0;
        long initial = is64 ? s.u64() : s.u32() & 0xFFFFFFFFL;
        Long maximum = (flags & 0x01) == 0 ? null : is64 ? s.u64() : s.u32() & 0xFFFFFFFFL;
        long pageBytes = MemoryInfo.WASM_PAGE_BYTES;
        if ((flags & 0x08) != 0) {
            int log2 = s.u32();
            if (log2 > 16) throw WasmFormatException.at(at, "memory page size 2^" + log2 + " is larger than 64 KiB: the file is corrupt");
            pageBytes = 1L << log2;
        }
        return new Limits(initial, maximum, (flags & 0x02) != 0, is64, pageBytes);
    }

    private void exportSection(ByteReader s) throws WasmFormatException {
        int n = s.count("the number of exports");
        for (int i = 0; i < n; i++) {
            String name = s.name("an export's name");
            int at = s.position();
            int kind = s.u8();
            if (kind >= KINDS.length) throw unknownKind(at, kind, "export " + name);
            exports.add(new ExportInfo(name, KINDS[kind], s.u32()));
        }
    }

    private void codeSection(ByteReader s) throws WasmFormatException {
        int n = s.count("the number of function bodies");
        InstructionTally tally = new InstructionTally();
        int notScanned = 0;
        String firstUnknown = null;
        for (int i = 0; i < n; i++) {
            ByteReader body = s.slice(s.u32() & 0xFFFFFFFFL, "function body " + i);
            try {
                InstructionWalker.walkBody(body, tally);
            } catch (InstructionWalker.UnknownOpcode e) {
                notScanned++;
                if (firstUnknown == null) firstUnknown = e.getMessage() + " in function " + (importedFunctions + i);
            }
        }
        instructions = tally.stats(n, notScanned, firstUnknown);
    }

    /** Segment modes: 0 active on memory 0, 1 passive, 2 active on an explicit memory. */
    private void dataSection(ByteReader s) throws WasmFormatException {
        int n = s.count("the number of data segments");
        int active = 0;
        for (int i = 0; i < n; i++) {
            int at = s.position();
            int mode = s.u32();
            if (mode > 2) throw WasmFormatException.at(at, "data segment " + i + " has unknown mode " + mode + ": the file is corrupt");
            if (mode == 2) s.u32();
            if (mode != 1) {
                InstructionWalker.skipConstantExpression(s);
                active++;
            }
            s.skip(s.count("the length of data segment " + i));
        }
        dataSegments = new DataSegments(active, n - active);
    }

    /**
     * Engines ignore custom sections' contents, so a malformed producers or target_features section
     * is left out of the report rather than rejecting the module.
     */
    private void customSection(ByteReader s) throws WasmFormatException {
        String name = s.name("a custom section's name");
        customSections.add(name);
        try {
            switch (name) {
                case "producers" -> producers = producers(s);
                case "target_features" -> targetFeatures = targetFeatures(s);
                default -> { }
            }
        } catch (WasmFormatException unreadableContents) {
            // left out, as engines do
        }
        s.skip(s.remaining());
    }

    private static Map<String, List<String>> producers(ByteReader s) throws WasmFormatException {
        Map<String, List<String>> producers = new LinkedHashMap<>();
        int fields = s.count("the number of producers fields");
        for (int i = 0; i < fields; i++) {
            String field = s.name("a producers field");
            List<String> values = new ArrayList<>();
            int n = s.count("the number of producers values");
            for (int j = 0; j < n; j++) {
                String value = s.name("a producers value");
                String version = s.name("a producers version");
                values.add(version.isEmpty() ? value : value + " " + version);
            }
            producers.put(field, List.copyOf(values));
        }
        return Collections.unmodifiableMap(producers);
    }

    private static List<String> targetFeatures(ByteReader s) throws WasmFormatException {
        List<String> features = new ArrayList<>();
        int n = s.count("the number of target features");
        for (int i = 0; i < n; i++) {
            char prefix = (char) s.u8();
            features.add(prefix + s.name("a target feature"));
        }
        return List.copyOf(features);
    }

    /** Memories with the names they are exported under (the export section follows the memory section). */
    private List<MemoryInfo> withExportNames() {
        List<MemoryInfo> result = new ArrayList<>();
        for (MemoryInfo m : memories) {
            List<String> names = exports.stream()
                    .filter(e -> e.kind().equals(KINDS[KIND_MEMORY]) && e.index() == m.index())
                    .map(ExportInfo::name).toList();
            result.add(m.exportedAs(names));
        }
        return List.copyOf(result);
    }

    private static WasmFormatException unknownKind(int at, int kind, String what) {
        return WasmFormatException.at(at, what + " has unknown kind " + kind + " (known: 0 func … 4 tag): the file is corrupt");
    }
}
