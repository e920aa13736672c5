package io.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkVariationTest {

    private static List<String> notes(NoiseModel noise) {
        RunDocuments run = RunDocuments.run(noise, 3, 2, 5);
        for (String kernel : new String[] {"sum", "histogram", "axpy", "nbody", "mandelbrot", "sort"}) {
            run.series("chromium", kernel, 1 << 20, RunDocuments.SCALING, 1);
        }
        return ForkVariation.notes(run.build().configurations());
    }

    @Test
    void independentSamplesGiveNoNote() {
        assertEquals(List.of(), notes(NoiseModel.IID_3));
    }

    @Test
    void largeForkToForkVariationIsNotedWithItsSize() {
        List<String> notes = notes(new NoiseModel("forks 3%, iterations 2%", 0.03, 0.02, 0));
        assertEquals(1, notes.size());
        // The estimate of the 3% fork-to-fork and the 2% within-fork standard deviations, from 18 configurations.
        assertTrue(notes.getFirst().matches("On chromium, fork-to-fork variation \\((2\\.\\d+|3\\.[0-4]\\d*)%\\) is a large part of the noise"
                + " \\((1\\.[89]\\d*|2\\.[01]\\d*)% within forks\\)\\..* with 2 forks per configuration .*"), notes.getFirst());
    }
}
