package io.parbench.results;

/**
 * What a browser said about itself and about threads in WASM, probed once per run.
 *
 * @param isolationServed whether parbench served the page with COOP/COEP (false with --no-isolation)
 * @param wasmThreads a shared WebAssembly.Memory could be handed to a worker
 * @param wasmThreadsError the browser's exact error when it could not (e.g. the DataCloneError)
 */
public record BrowserProbe(
        String browser,
        String version,
        String userAgent,
        int hardwareConcurrency,
        boolean isolationServed,
        boolean crossOriginIsolated,
        boolean sharedArrayBuffer,
        double timerResolutionMillis,
        boolean wasmThreads,
        String wasmThreadsError) {}
