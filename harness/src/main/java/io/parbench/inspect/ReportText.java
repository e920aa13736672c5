package io.parbench.inspect;

import io.parbench.text.Format;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The human-readable form of a {@link ModuleReport}; the verdict comes last, where the eye ends up. */
public final class ReportText {

    /** Longer import/export lists are cut here (Rust modules have hundreds); --json lists them all. */
    static final int LIST_LIMIT = 30;

    private ReportText() {}

    public static String render(ModuleReport r) {
        ModuleContents m = r.module();
        StringBuilder out = new StringBuilder();
        out.append(r.file()).append(" (").append(String.format("%,d", r.sizeBytes())).append(" bytes)\n\n");

        out.append("Memory\n");
        if (m.memories().isEmpty()) out.append("  none\n");
        for (MemoryInfo mem : m.memories()) out.append("  ").append(memory(mem)).append('\n');

        InstructionStats s = m.instructions();
        out.append(String.format("%nCode: %,d function%s, %,d instructions%n", s.functions(), s.functions() == 1 ? "" : "s", s.total()));
        out.append(String.format("  atomics:     %,d%s%n", s.atomic(), breakdown(s.atomicByKind())));
        out.append(String.format("  bulk memory: %,d%s%n", s.bulkMemory(), breakdown(s.bulkMemoryByKind())));
        out.append(String.format("  SIMD:        %,d%n", s.simd()));
        out.append(String.format("  data segments: %d active, %d passive%n", m.dataSegments().active(), m.dataSegments().passive()));
        if (m.startFunction() != null) out.append("  start function: ").append(m.startFunction()).append('\n');

        list(out, "Imports", m.imports(), i -> i.module() + "." + i.name() + "  (" + i.kind() + ")");
        list(out, "Exports", m.exports(), e -> e.name() + "  (" + e.kind() + " " + e.index() + ")");

        out.append("\nCustom sections: ").append(m.customSections().isEmpty() ? "none" : String.join(", ", m.customSections())).append('\n');
        m.producers().forEach((field, values) -> out.append("  ").append(field).append(": ").append(String.join(", ", values)).append('\n'));
        if (!m.targetFeatures().isEmpty()) out.append("  target features: ").append(String.join(" ", m.targetFeatures())).append('\n');

        out.append("\nToolchain\n");
        if (r.toolchains().isEmpty()) out.append("  not recognised (no wasm-bindgen, Emscripten or plain-C conventions found)\n");
        for (ToolchainMatch t : r.toolchains()) {
            out.append("  ").append(t.name()).append('\n');
            for (String e : t.evidence()) out.append("    ").append(e).append('\n');
        }

        ThreadsVerdict v = r.verdict();
        out.append("\nVerdict: ").append(v.threadsReady() ? "threads-ready" : "not threads-ready").append('\n');
        if (v.sideModule()) out.append("  ").append(ThreadsVerdict.SIDE_MODULE).append('\n');
        for (String reason : v.reasons()) out.append("  ✗ ").append(reason).append('\n');
        for (String note : v.notes()) out.append("  note: ").append(note).append('\n');
        return out.toString();
    }

    private static String memory(MemoryInfo m) {
        StringBuilder s = new StringBuilder("memory ").append(m.index()).append(": ");
        s.append(m.imported() ? "imported from " + m.importedFrom() : "defined in the module");
        if (!m.exportedAs().isEmpty()) s.append(", exported as ").append(String.join(", ", m.exportedAs()));
        s.append(m.shared() ? ", shared" : ", not shared");
        if (m.memory64()) s.append(", 64-bit");
        s.append(", initial ").append(pages(m.initialPages(), m.initialBytes()));
        s.append(", maximum ").append(m.maximumPages() == null ? "none" : pages(m.maximumPages(), m.maximumBytes()));
        return s.toString();
    }

    private static String pages(long pages, long bytes) {
        return pages == 0 ? "0 pages" : String.format("%,d pages (%s)", pages, Format.bytes(bytes));
    }

    private static String breakdown(Map<String, Long> byKind) {
        if (byKind.isEmpty()) return "";
        StringBuilder s = new StringBuilder("  (");
        byKind.forEach((kind, n) -> s.append(s.length() > 3 ? ", " : "").append(kind).append(' ').append(n));
        return s.append(')').toString();
    }

    private static <T> void list(StringBuilder out, String title, List<T> items, Function<T, String> line) {
        out.append('\n').append(title).append(" (").append(items.size()).append(")\n");
        items.stream().limit(LIST_LIMIT).forEach(i -> out.append("  ").append(line.apply(i)).append('\n'));
        if (items.size() > LIST_LIMIT) out.append("  … and ").append(items.size() - LIST_LIMIT).append(" more (--json lists all)\n");
    }
}
