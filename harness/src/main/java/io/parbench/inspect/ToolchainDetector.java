package io.parbench.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Recognises toolchain conventions from import/export names and the producers section. These are
 * heuristics: a release build can rename or strip everything (Emscripten -O3 minifies import and
 * export names), so absence proves nothing. The signals:
 * <ul>
 *   <li><b>wasm-bindgen</b>: imports from module {@code wbg} or {@code ./NAME_bg.js}; imports or exports
 *       named {@code __wbindgen_*} / {@code __wbg_*}; "processed-by: wasm-bindgen".</li>
 *   <li><b>wasm-bindgen-rayon</b> (its thread pool): exports {@code initThreadPool} or {@code wbg_rayon_*},
 *       imports {@code __wbg_startWorkers_*} (its worker-starting JS snippet).</li>
 *   <li><b>Emscripten</b>: imports named {@code emscripten_*}, {@code _emscripten_*}, {@code __emscripten_*},
 *       {@code __syscall_*} or embind's {@code _embind_*} / {@code _emval_*}; exports named {@code emscripten_*} or
 *       {@code _emscripten_*}. Or, minified (-O2 and up: wasm-opt renames imports and exports), every import
 *       from one module of a one- or two-letter name, under names of at most three characters
 *       ({@code a.a}, {@code a.b}, …); no other toolchain minifies its import names.</li>
 *   <li><b>Emscripten pthreads</b>: Emscripten plus its pthread runtime: {@code __pthread_create_js},
 *       {@code _emscripten_thread_*} / {@code __emscripten_thread_*}, {@code pthread_self}; minified, what
 *       {@code -pthread} leaves: an imported shared memory and atomic waits.</li>
 *   <li><b>side module</b> / <b>main module</b> (dynamic linking): a {@code dylink.0} section; a side module
 *       also imports {@code __memory_base} and {@code __table_base}, the place its main module loads it at.</li>
 *   <li><b>plain C</b>: neither of the above, and a producers section naming C/C++ or clang, or the parbench ABI.</li>
 *   <li><b>parbench ABI</b>: exports named {@code pb_*} (bench-wasm/src/main/c/parbench.h).</li>
 * </ul>
 */
public final class ToolchainDetector {

    private static final int EXAMPLES = 3;
    /** Fewer imports than this prove nothing about minification. */
    private static final int MINIFIED_MIN_IMPORTS = 8;
    private static final java.util.regex.Pattern MINIFIED_NAME = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,2}");
    private static final Set<String> EMSCRIPTEN_PTHREAD_NAMES = Set.of(
            "__pthread_create_js", "pthread_self", "emscripten_receive_on_main_thread_js",
            "_emscripten_notify_thread_queue", "__emscripten_init_main_thread_js");

    private ToolchainDetector() {}

    public static List<ToolchainMatch> detect(ModuleContents m) {
        List<ToolchainMatch> found = new ArrayList<>();
        List<String> bindgen = new ArrayList<>();
        evidence(bindgen, "imports from", importModules(m).filter(mod -> mod.equals("wbg") || mod.endsWith("_bg.js")));
        evidence(bindgen, "imports", importNames(m).filter(bindgenName()));
        evidence(bindgen, "exports", exportNames(m).filter(bindgenName()));
        evidence(bindgen, "producers processed-by", producers(m, "processed-by").filter(p -> p.startsWith("wasm-bindgen")));
        if (!bindgen.isEmpty()) found.add(new ToolchainMatch("wasm-bindgen", "wasm-bindgen (Rust)", bindgen));

        List<String> rayon = new ArrayList<>();
        evidence(rayon, "exports", exportNames(m).filter(n -> n.equals("initThreadPool") || n.contains("wbg_rayon_")));
        evidence(rayon, "imports", importNames(m).filter(n -> n.startsWith("__wbg_startWorkers_")));
        if (!rayon.isEmpty()) found.add(new ToolchainMatch("wasm-bindgen-rayon", "wasm-bindgen-rayon thread pool", rayon));

        List<String> emscripten = new ArrayList<>();
        evidence(emscripten, "imports", importNames(m).filter(n -> n.startsWith("emscripten_") || n.startsWith("_emscripten_")
                || n.startsWith("__emscripten_") || n.startsWith("__syscall_") || n.startsWith("_embind_") || n.startsWith("_emval_")));
        evidence(emscripten, "exports", exportNames(m).filter(n -> n.startsWith("emscripten_") || n.startsWith("_emscripten_")));
        boolean minified = emscripten.isEmpty() && bindgen.isEmpty() && minifiedImports(m);
        if (minified) {
            emscripten.add("every import (" + m.imports().size() + ") from module '" + m.imports().getFirst().module()
                    + "' under a minified name (" + String.join(", ", importNames(m).limit(EXAMPLES).map(n -> m.imports().getFirst().module()
                            + "." + n).toList()) + ", …): Emscripten's -O2 and higher builds rename them so");
        }
        if (!emscripten.isEmpty()) {
            found.add(new ToolchainMatch("emscripten", minified ? "Emscripten (minified)" : "Emscripten", emscripten));
            List<String> pthreads = new ArrayList<>();
            evidence(pthreads, "imports and exports", Stream.concat(importNames(m), exportNames(m)).distinct()
                    .filter(n -> EMSCRIPTEN_PTHREAD_NAMES.contains(n) || n.startsWith("_emscripten_thread_")
                            || n.startsWith("__emscripten_thread_")));
            if (minified && importsSharedMemory(m) && m.instructions().atomicWaits() > 0) {
                long waits = m.instructions().atomicWaits();
                pthreads.add("an imported shared memory and " + waits + " atomic wait" + (waits == 1 ? "" : "s") + ", as -pthread builds have");
            }
            if (!pthreads.isEmpty()) found.add(new ToolchainMatch("emscripten-pthreads", "Emscripten pthreads", pthreads));
        }
        if (m.customSections().contains(DYLINK)) {
            List<String> bases = importNames(m).filter(n -> n.equals("__memory_base") || n.equals("__table_base")).toList();
            if (!bases.isEmpty()) {
                found.add(new ToolchainMatch(SIDE_MODULE, "side module (dynamic linking)", List.of("a " + DYLINK + " section, and imports "
                        + String.join(", ", bases) + ": the place in its main module's memory and table it is loaded at")));
            } else {
                found.add(new ToolchainMatch("main-module", "main module (dynamic linking)", List.of("a " + DYLINK + " section: it can "
                        + "load side modules (dlopen, Emscripten's dynamicLibraries)")));
            }
        }

        List<String> parbench = new ArrayList<>();
        evidence(parbench, "exports", exportNames(m).filter(n -> n.startsWith("pb_")));
        if (bindgen.isEmpty() && emscripten.isEmpty()) {
            List<String> plainC = new ArrayList<>();
            evidence(plainC, "producers language", producers(m, "language").filter(l -> l.startsWith("C")));
            evidence(plainC, "producers processed-by", producers(m, "processed-by").filter(p -> p.contains("clang")));
            if (!plainC.isEmpty() || !parbench.isEmpty()) {
                if (plainC.isEmpty()) plainC.add("no wasm-bindgen or Emscripten names, and the parbench ABI's pb_* exports");
                found.add(new ToolchainMatch("plain-c", "plain C (clang --target=wasm32, no JS glue)", plainC));
            }
        }
        if (!parbench.isEmpty()) found.add(new ToolchainMatch("parbench-abi", "parbench C ABI (parbench.h)", parbench));
        return List.copyOf(found);
    }

    static final String SIDE_MODULE = "side-module";
    private static final String DYLINK = "dylink.0";

    /** Every import from one module with a one- or two-letter name, under names of at most three characters. */
    private static boolean minifiedImports(ModuleContents m) {
        if (m.imports().size() < MINIFIED_MIN_IMPORTS) return false;
        String module = m.imports().getFirst().module();
        return module.length() <= 2 && m.imports().stream()
                .allMatch(i -> i.module().equals(module) && MINIFIED_NAME.matcher(i.name()).matches());
    }

    private static boolean importsSharedMemory(ModuleContents m) {
        return !m.memories().isEmpty() && m.memories().getFirst().imported() && m.memories().getFirst().shared();
    }

    /** Adds "what: a, b, c (and N more)" when any name matches. */
    private static void evidence(List<String> into, String what, Stream<String> names) {
        List<String> all = names.toList();
        if (all.isEmpty()) return;
        String shown = String.join(", ", all.subList(0, Math.min(EXAMPLES, all.size())));
        into.add(what + " " + shown + (all.size() > EXAMPLES ? " (and " + (all.size() - EXAMPLES) + " more)" : ""));
    }

    private static Predicate<String> bindgenName() {
        return n -> n.startsWith("__wbindgen_") || n.startsWith("__wbg_");
    }

    private static Stream<String> importModules(ModuleContents m) {
        return m.imports().stream().map(ImportInfo::module).distinct();
    }

    private static Stream<String> importNames(ModuleContents m) {
        return m.imports().stream().map(ImportInfo::name);
    }

    private static Stream<String> exportNames(ModuleContents m) {
        return m.exports().stream().map(ExportInfo::name);
    }

    private static Stream<String> producers(ModuleContents m, String field) {
        return m.producers().getOrDefault(field, List.of()).stream();
    }
}
