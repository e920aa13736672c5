package io.parbench.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a module file and turns it into a {@link ModuleReport}: contents, toolchains, verdict. */
public final class ModuleInspector {

    /** Engines refuse larger modules (V8's limit is 1 GiB), and it keeps the whole file in one array. */
    static final long MAX_BYTES = 1L << 30;

    private ModuleInspector() {}

    /**
     * @throws WasmFormatException when the file is not a valid module (the message names the file)
     * @throws IOException when it cannot be read at all
     */
    public static ModuleReport inspect(Path file) throws WasmFormatException, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new WasmFormatException(file + ": " + size + " bytes, more than the 1 GiB browsers accept for a WebAssembly module");
        }
        try {
            return inspect(file.toString(), Files.readAllBytes(file));
        } catch (WasmFormatException e) {
            throw new WasmFormatException(file + ": " + e.getMessage());
        }
    }

    public static ModuleReport inspect(String name, byte[] bytes) throws WasmFormatException {
        ModuleContents contents = ModuleReader.read(bytes);
        List<ToolchainMatch> toolchains = ToolchainDetector.detect(contents);
        return new ModuleReport(name, bytes.length, contents, toolchains, ThreadsReadiness.judge(contents, toolchains));
    }
}
