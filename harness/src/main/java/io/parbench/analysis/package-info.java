/**
 * Statistics over a results document: pure functions, entry point {@link io.parbench.analysis.Analyzer#analyze}.
 *
 * <h2>Method</h2>
 * <ul>
 *   <li>Per configuration ({@link io.parbench.analysis.SampleStatistics}): samples are the flattened
 *       fork-major steps/sec; mean, sample standard deviation, 95% Student-t interval of the mean,
 *       median, unscaled MAD, cv, and Tukey outliers (1.5 IQR, type-7 quartiles), flagged and kept.
 *   <li>Per series ({@link io.parbench.analysis.SeriesAnalyzer}): speedup S(W) over forks, each
 *       fork's value the median of its iterations ({@link io.parbench.change.SpeedupForks}): where
 *       T(1) and T(W) were measured in the same forks (a curve per page or JVM), the geometric mean
 *       of the forks' own ratios with a Student t interval over forks; otherwise the ratio of the
 *       two worker counts' geometric-mean fork values with a Welch interval; no interval from one fork;
 *       efficiency S / W, Karp–Flatt e = (1/S - 1/W) / (1 - 1/W), Amdahl and USL fits over every
 *       raw sample above W = 1 ({@link io.parbench.analysis.AmdahlFitter},
 *       {@link io.parbench.analysis.UslFitter}, USL lambda anchored at mean(1)), and the fewest
 *       workers within 5% of the best mean throughput.
 *   <li>Per point above W = 1 whose forks kept accounting ({@link io.parbench.analysis.Decomposition}):
 *       W − S split into the machine, idle workers, the runtime, slower work (forkjoin: work and
 *       runtime together) and what the source does not split, in speedup units, the run-queue wait
 *       taken out of the states in which a thread is runnable; paired per fork where the results name the forks, the
 *       parts averaged (means add up); the residual against the samples' S.
 *   <li>A speedup above min(W, cores) ({@link io.parbench.analysis.SeriesAnalyzer#beyondLimit}):
 *       superlinear when every fork is above (or the interval's lower end is) and the decomposition
 *       shows less busy time per step than at W = 1; unexplained when reproducible without that;
 *       else an anomaly. Only a superlinear one can be the recommended worker count.
 *   <li>Across engines ({@link io.parbench.analysis.EngineRatios}): mean throughput over that of
 *       "native" (else "jvm") at the same kernel, variant, size and worker count, with a bootstrap
 *       interval.
 * </ul>
 *
 * <h2>Edge cases</h2>
 * <ul>
 *   <li>Failed configurations, and ok or fallback ones without samples, get no statistics; their
 *       series says they were left out. A series with nothing measured is not listed.
 *   <li>Fallback configurations ran single-threaded whatever their worker count: they get statistics
 *       and a point (with throughput only) but never enter speedup, fits, the recommendation or
 *       engine ratios. Where a worker count has both, the regular measurement is used; several
 *       results at one worker count are pooled.
 *   <li>One sample: stdDev 0, interval = mean, cv 0, and a note. Identical samples: exactly zero
 *       spread. All-zero samples: cv 0.
 *   <li>No W = 1 point, or a W = 1 mean of 0: speedup, efficiency, Karp–Flatt and both fits null,
 *       with a note. Zero throughput at W > 1: speedup 0, Karp–Flatt null.
 *   <li>Fits need enough data for a standard error (Amdahl: two samples above W = 1; USL: two worker
 *       counts and three samples above W = 1); otherwise null with a note. Amdahl p = 1 (linear or
 *       superlinear scaling) gives maxSpeedup null, as JSON has no infinity.
 *   <li>An engine ratio whose bootstrap interval is unbounded (denominator resamples averaging 0)
 *       is dropped; so is one with a baseline mean of 0.
 *   <li>Documents are validated before they get here ({@link io.parbench.results.ResultsValidator}):
 *       no NaN, infinite or non-positive sample, no worker count below 1.
 * </ul>
 * Nothing in an {@link io.parbench.analysis.Analysis} is NaN or infinite.
 */
package io.parbench.analysis;
