package io.parbench.results;

/**
 * Where the time of one fork's timed blocks of one configuration went (RESULTS.md, "Accounting"):
 * what the pool's workers did, by the pool's own clock, and what the machine gave their threads,
 * by Linux's scheduler statistics. The raw sums; the decomposition of the speedup is derived from
 * them (io.parbench.analysis).
 *
 * @param blocks the timed blocks summed
 * @param wallNs their wall time
 * @param steps the steps they ran
 * @param pool the pool's accounting, null when the engine keeps none
 * @param machine the worker threads' CPU time and run-queue wait, null when not taken
 */
public record PointAccounting(int blocks, long wallNs, long steps, PoolAccounting pool, MachineAccounting machine) {}
