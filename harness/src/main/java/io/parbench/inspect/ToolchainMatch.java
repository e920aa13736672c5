package io.parbench.inspect;

import java.util.List;

/**
 * A toolchain convention recognised in a module, with the names that gave it away.
 *
 * @param id stable identifier: wasm-bindgen, wasm-bindgen-rayon, emscripten, emscripten-pthreads, plain-c, parbench-abi
 * @param name what to call it in text
 */
public record ToolchainMatch(String id, String name, List<String> evidence) {}
