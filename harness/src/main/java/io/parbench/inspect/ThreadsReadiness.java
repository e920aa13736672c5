package io.parbench.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules behind {@link ThreadsVerdict}. The web's threading model: every worker instantiates the
 * same module with the same {@code WebAssembly.Memory}, so memory 0 must be imported (a memory the
 * module defines is new in every instance), shared (declared with a maximum, as the spec requires),
 * and not overwritten by active data segments at each instantiation. Each reason ends with the
 * build change that fixes it, for the toolchain the module appears to come from.
 */
public final class ThreadsReadiness {

    private static final String CLANG_LINK = "link with -Wl,--import-memory -Wl,--shared-memory -Wl,--max-memory=<bytes>";
    /** What a plain clang build needs for threads: the one wording of these flags, for inspect and the report's checklist. */
    public static final String CLANG_THREADS_FLAGS = "compile with -matomics -mbulk-memory, " + CLANG_LINK;

    private ThreadsReadiness() {}

    public static ThreadsVerdict judge(ModuleContents m, List<ToolchainMatch> toolchains) {
        BuildHints hints = BuildHints.of(toolchains);
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (m.memories().isEmpty()) {
            reasons.add("the module has no memory, so workers have nothing to share: " + hints.sharedMemory());
            return new ThreadsVerdict(false, reasons, notes);
        }
        MemoryInfo memory = m.memories().getFirst();
        if (!memory.shared()) {
            boolean compiledForThreads = m.targetFeatures().contains("+atomics") || m.instructions().atomic() > 0;
            reasons.add("memory is not shared: build with atomics and shared memory ("
                    + (compiledForThreads ? "the code has atomics, so the link step is missing it: " + hints.sharedLink()
                            : hints.sharedMemory()) + ")");
        } else if (memory.maximumPages() == null) {
            reasons.add("the shared memory declares no maximum size, which the spec requires (engines reject the module): " + hints.maximum());
        }
        if (!memory.imported()) {
            reasons.add("memory is defined inside the module, so every worker's instance would get a memory of its own: "
                    + hints.importMemory());
        }
        if (memory.shared() && m.dataSegments().active() > 0) {
            reasons.add(m.dataSegments().active() + " active data segment(s) would be copied into the shared memory again "
                    + "by every worker's instantiation, overwriting live data: " + hints.passiveSegments());
        }

        if (memory.shared() && m.instructions().atomic() == 0 && m.instructions().functionsNotScanned() == 0) {
            notes.add("the code has no atomic instructions: workers cannot synchronise inside WebAssembly, only through JavaScript");
        } else if (m.instructions().atomic() > 0 && m.instructions().atomicWaits() == 0) {
            notes.add("no memory.atomic.wait: idle workers cannot sleep inside WebAssembly, they spin or return to JavaScript");
        }
        if (m.instructions().functionsNotScanned() > 0) {
            notes.add(m.instructions().functionsNotScanned() + " function(s) use instructions parbench does not know ("
                    + m.instructions().firstUnknownOpcode() + "): the instruction counts are lower bounds");
        }
        boolean bindgen = toolchains.stream().anyMatch(t -> t.id().equals("wasm-bindgen"));
        boolean rayon = toolchains.stream().anyMatch(t -> t.id().equals("wasm-bindgen-rayon"));
        if (memory.shared() && bindgen && !rayon) {
            notes.add("wasm-bindgen with shared memory but no wasm-bindgen-rayon pool (no initThreadPool export): "
                    + "your adapter must start the worker threads itself");
        }
        boolean sideModule = toolchains.stream().anyMatch(t -> t.id().equals(ToolchainDetector.SIDE_MODULE));
        return new ThreadsVerdict(reasons.isEmpty(), List.copyOf(reasons), List.copyOf(notes), sideModule);
    }

    /** The build flags that fix each problem, in the words of the module's toolchain. */
    private record BuildHints(String sharedMemory, String sharedLink, String maximum, String importMemory, String passiveSegments) {

        static BuildHints of(List<ToolchainMatch> toolchains) {
            if (toolchains.stream().anyMatch(t -> t.id().equals("wasm-bindgen"))) {
                String rust = "build on nightly with RUSTFLAGS='-C target-feature=+atomics,+bulk-memory' and "
                        + "-Z build-std=panic_abort,std, as wasm-bindgen-rayon documents";
                return new BuildHints(rust, rust, rust, rust, rust);
            }
            if (toolchains.stream().anyMatch(t -> t.id().equals("emscripten"))) {
                String emcc = "compile and link with emcc -pthread";
                String threadedBuild = emcc + "; a library from npm ships its threaded build as another file or package "
                        + "(e.g. @ffmpeg/core-mt beside @ffmpeg/core)";
                return new BuildHints(threadedBuild, emcc, emcc + " (and -sMAXIMUM_MEMORY=<bytes> if memory grows)", emcc, emcc);
            }
            return new BuildHints(
                    "clang: " + CLANG_THREADS_FLAGS,
                    "clang: " + CLANG_LINK,
                    "clang: link with -Wl,--max-memory=<bytes>",
                    "clang: link with -Wl,--import-memory",
                    "clang: compile with -mbulk-memory so the linker makes the segments passive");
        }
    }
}
