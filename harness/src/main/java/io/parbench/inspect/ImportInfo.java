package io.parbench.inspect;

/** An import: {@code kind} is func, table, memory, global or tag. */
public record ImportInfo(String module, String name, String kind) {}
