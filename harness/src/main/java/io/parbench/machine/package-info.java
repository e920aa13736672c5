/**
 * What the machine gave the worker threads of a fork (issue 20, "what the machine gave"): their
 * CPU time and their wait in a run queue, from Linux's per-thread scheduler statistics
 * ({@code /proc/<pid>/task/<tid>/schedstat}), sampled every 50 ms for the threads of a process
 * tree (a JMH fork, a local browser) found by name, and summed over any window of time into
 * {@link io.parbench.results.MachineAccounting}. Local engines only: a remote browser's machine,
 * or one without these statistics, gets a sentence saying why not.
 */
package io.parbench.machine;
