package io.parbench.report;

import io.parbench.analysis.SeriesNote;

/** A series note of the analysis in words, for the report. */
final class SeriesNoteWording {

    private SeriesNoteWording() {}

    static String words(SeriesNote note) {
        String at = "W=" + note.workers();
        return switch (note.kind()) {
            case ALL_FALLBACK -> "every point ran in fallback mode: no speedup, fits or recommended worker count";
            case NO_SINGLE_WORKER -> "no W=1 point: speedup needs the single-worker throughput";
            case SINGLE_WORKER_ZERO -> "W=1 mean throughput is 0 steps/sec: speedup is undefined";
            case NO_FIT_WITHOUT_SINGLE_WORKER -> "no Amdahl or USL fit: both are anchored at the W=1 throughput";
            case ONE_FORK -> "speedups without an interval: one fork (page or process) measured them, and forks are"
                    + " the replicates (measure with --forks 2 or more)";
            case ZERO_THROUGHPUT -> at + ": mean throughput is 0 steps/sec, so there is no Karp–Flatt serial fraction";
            case FALLBACK_BESIDE_REGULAR -> at + " also has a fallback measurement: the regular one is used";
            case FALLBACK_POINT -> at + " ran in fallback (single-threaded) mode: shown, but left out of"
                    + " speedup, fits, recommendation and engine ratios";
            case FAILED -> at + " failed" + (note.detail() == null ? "" : " (" + note.detail() + ")") + ": left out";
            case NO_SAMPLES -> at + " has no samples: left out";
            case POOLED -> at + " was measured " + note.count() + " times: samples pooled";
            case SINGLE_SAMPLE -> at + " has a single sample: no spread, its confidence interval is the mean itself";
            case AMDAHL_NO_PARALLEL_SAMPLES -> "Amdahl fit needs measurements with more than one worker";
            case AMDAHL_ONE_SAMPLE -> "Amdahl fit needs two or more samples with more than one worker for a standard error (found 1)";
            case USL_TOO_FEW_WORKER_COUNTS -> "USL fit needs two or more worker counts above 1 (found " + note.count() + ")";
            case USL_TOO_FEW_SAMPLES -> "USL fit needs three or more samples with more than one worker for standard errors (found "
                    + note.count() + ")";
            case USL_NO_CONVERGENCE -> "USL fit did not converge: " + note.detail();
            case USL_NO_STANDARD_ERRORS -> "USL fit has no standard errors: these throughputs cannot tell contention from coherency";
            case USL_NOT_FINITE -> "USL fit gave no finite parameters";
        };
    }
}
