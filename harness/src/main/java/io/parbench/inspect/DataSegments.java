package io.parbench.inspect;

/**
 * Data segments by mode. Active ones are copied into memory at every instantiation, which on a
 * shared memory means every worker overwrites live data; passive ones are copied once, on demand.
 */
public record DataSegments(int active, int passive) {}
