package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parbench.analysis.SeriesNote;
import org.junit.jupiter.api.Test;

class SeriesNoteWordingTest {

    @Test
    void aNoteIsWordedWithItsWorkerCountNumberAndDetail() {
        assertEquals("W=2 failed (checksum mismatch): left out",
                SeriesNoteWording.words(new SeriesNote(SeriesNote.Kind.FAILED, 2, 0, "checksum mismatch")));
        assertEquals("W=4 failed: left out", SeriesNoteWording.words(SeriesNote.at(SeriesNote.Kind.FAILED, 4)));
        assertEquals("W=8 was measured 3 times: samples pooled",
                SeriesNoteWording.words(new SeriesNote(SeriesNote.Kind.POOLED, 8, 3, null)));
        assertEquals("USL fit needs two or more worker counts above 1 (found 1)",
                SeriesNoteWording.words(new SeriesNote(SeriesNote.Kind.USL_TOO_FEW_WORKER_COUNTS, 0, 1, null)));
    }
}
