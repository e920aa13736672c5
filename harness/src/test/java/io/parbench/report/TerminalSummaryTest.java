package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.analysis.Analyzer;
import io.parbench.gate.NoiseModel;
import io.parbench.gate.RunDocuments;
import io.parbench.results.RunDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalSummaryTest {

    @Test
    void oneLinePerSeriesWithOneWorkerThroughputAndEverySpeedup() {
        RunDocument doc = RunDocuments.run(NoiseModel.IID_3, 7)
                .series("native", "nbody", 2048, RunDocuments.SCALING, 1)
                .series("chromium", "sort", 1 << 21, RunDocuments.SCALING, 0.5)
                .labelled("run")
                .document();

        List<String> lines = TerminalSummary.render(Analyzer.analyze(doc), doc).lines().toList();

        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("kernel +engine +W=1 +S\\(2\\) +S\\(4\\)"), lines.get(0));
        String nbody = lines.stream().filter(l -> l.startsWith("nbody 2.05 k")).findFirst().orElseThrow();
        // 100 → 190 → 350 steps/s with 3% noise: about 100 steps/s, 1.9× and 3.5×.
        assertTrue(nbody.matches("nbody 2\\.05 k +native +(9\\d\\.\\d|10\\d) steps/s +1\\.[89]\\d?× +3\\.[45]\\d?×"), nbody);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sort 2.10 M") && l.contains("chromium")), String.join("\n", lines));
    }

    @Test
    void aSpeedupBeyondTheCoresIsMarkedAndExplained() {
        RunDocument doc = ReportFixtures.speedupAboveTheCores();
        String summary = TerminalSummary.render(Analyzer.analyze(doc), doc);

        String nbody = summary.lines().filter(l -> l.startsWith("nbody")).findFirst().orElseThrow();
        assertTrue(nbody.matches(".* 1\\.\\d+× +[45]\\.\\d+×!"), summary);
        assertTrue(summary.contains("! above what the workers or cores can give, not a result: in one fork only"), summary);
    }

    @Test
    void eachAccountedSeriesGetsItsDominantLossAtItsMostWorkers() {
        RunDocument doc = ReportFixtures.accounted();
        String summary = TerminalSummary.render(Analyzer.analyze(doc), doc);
        List<String> losses = summary.lines().dropWhile(l -> !l.startsWith("Where the speedup goes")).skip(1).toList();
        assertEquals(3, losses.size(), summary);
        assertTrue(losses.stream().anyMatch(l -> l.matches("  axpy 1\\.05 M native W=4: S 4\\.4\\d of 4; 0\\.4\\d gained from less busy time per step than at W=1")),
                summary);
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("axpy") && l.matches(".* 2\\.2\\d×\\+ +4\\.4\\d×\\+")), summary);
        assertTrue(summary.contains("+ superlinear: above W in every fork, with less busy time per step than at W=1"), summary);
        assertTrue(losses.stream().anyMatch(l -> l.matches("  sum 1\\.05 M chromium W=4: S 2\\.1\\d of 4; 1\\.89 lost to idle workers .*")),
                summary);
        assertFalse(summary.contains("mandelbrot 256 native W="), "a series without accounting gets no line");
    }

    /** More workers than cores lose the excess to the machine whatever the code does: the line is at the cores. */
    @Test
    void onAMachineOfFewerCoresTheDominantLossIsAtItsCores() {
        RunDocument doc = ReportFixtures.accounted(2);
        String summary = TerminalSummary.render(Analyzer.analyze(doc), doc);
        List<String> losses = summary.lines().dropWhile(l -> !l.startsWith("Where the speedup goes")).toList();
        assertEquals("Where the speedup goes (at the most workers accounted, up to the machine's 2 cores):", losses.getFirst(), summary);
        assertEquals(3, losses.size() - 1, summary);
        assertTrue(losses.stream().skip(1).allMatch(l -> l.matches("  \\S+ [\\d.]+ [kM]? ?\\S+ W=2: S .*")), summary);

        RunDocument oneCore = ReportFixtures.accounted(1);
        String fewest = TerminalSummary.render(Analyzer.analyze(oneCore), oneCore);
        assertTrue(fewest.contains("up to the machine's 1 core):"), fewest);
        assertTrue(fewest.lines().filter(l -> l.startsWith("  ")).allMatch(l -> l.contains(" W=2: ")), "none up to the cores: the fewest workers above them\n" + fewest);
    }
}
