package io.parbench.analysis;

/**
 * Why something in a series could not be computed or was left out, as data: what happened, at
 * which worker count and with which numbers. The report words it (report.SeriesNoteWording).
 *
 * @param workers the worker count it is about; 0 when it is about the whole series
 * @param count the number that goes with it (results pooled, worker counts or samples found); 0 when none
 * @param detail text that came with the data (a configuration's failure reason, the optimiser's message); null when none
 */
public record SeriesNote(Kind kind, int workers, long count, String detail) {

    /** What happened; each says what is left out because of it. */
    public enum Kind {
        /** Every point ran in fallback mode: no speedup, fits or recommended worker count. */
        ALL_FALLBACK,
        /** No regular W = 1 point: no speedup. */
        NO_SINGLE_WORKER,
        /** The W = 1 mean throughput is 0: no speedup. */
        SINGLE_WORKER_ZERO,
        /** No W = 1 throughput to anchor Amdahl and USL. */
        NO_FIT_WITHOUT_SINGLE_WORKER,
        /** Speedups from one fork: no interval. */
        ONE_FORK,
        /** A mean throughput of 0 at W > 1: no Karp–Flatt fraction. */
        ZERO_THROUGHPUT,
        /** A regular and a fallback measurement at one worker count: the regular one is used. */
        FALLBACK_BESIDE_REGULAR,
        /** A fallback point: shown, but left out of speedup, fits, recommendation and engine ratios. */
        FALLBACK_POINT,
        /** A worker count whose configurations failed ({@link #detail}: the reason, if any). */
        FAILED,
        /** A worker count without samples. */
        NO_SAMPLES,
        /** A worker count measured {@link #count} times: samples pooled. */
        POOLED,
        /** A worker count with one sample: no spread. */
        SINGLE_SAMPLE,
        /** No sample above W = 1 for Amdahl. */
        AMDAHL_NO_PARALLEL_SAMPLES,
        /** One sample above W = 1: no standard error for Amdahl. */
        AMDAHL_ONE_SAMPLE,
        /** Fewer than two worker counts above 1 ({@link #count} found) for USL. */
        USL_TOO_FEW_WORKER_COUNTS,
        /** Fewer than three samples above W = 1 ({@link #count} found) for USL's standard errors. */
        USL_TOO_FEW_SAMPLES,
        /** The USL fit did not converge ({@link #detail}: the optimiser's message). */
        USL_NO_CONVERGENCE,
        /** The throughputs cannot tell contention from coherency: no standard errors for USL. */
        USL_NO_STANDARD_ERRORS,
        /** The USL fit gave parameters that are not finite. */
        USL_NOT_FINITE
    }

    /** A note about the whole series. */
    public static SeriesNote of(Kind kind) {
        return new SeriesNote(kind, 0, 0, null);
    }

    /** A note about one worker count. */
    public static SeriesNote at(Kind kind, int workers) {
        return new SeriesNote(kind, workers, 0, null);
    }
}
