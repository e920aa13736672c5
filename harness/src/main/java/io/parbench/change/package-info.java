/**
 * The statistics of a change between two sides, A (baseline) and B (current), with the fork as
 * the unit of replication: one core for {@code parbench compare} (paired by round) and
 * {@code parbench gate} (two independent sets of forks). Numbers and decisions only; the
 * formatters word them.
 */
package io.parbench.change;
