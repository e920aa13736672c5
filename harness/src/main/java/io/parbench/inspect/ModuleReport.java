package io.parbench.inspect;

import java.util.List;

/** Everything {@code parbench inspect} says about one module; printed as text or as JSON. */
public record ModuleReport(
        String file,
        long sizeBytes,
        ModuleContents module,
        List<ToolchainMatch> toolchains,
        ThreadsVerdict verdict) {}
