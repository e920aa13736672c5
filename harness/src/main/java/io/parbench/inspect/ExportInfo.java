package io.parbench.inspect;

/** An export: {@code kind} is func, table, memory, global or tag; {@code index} in that kind's index space. */
public record ExportInfo(String name, String kind, int index) {}
