package io.parbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.Configuration;
import io.parbench.verdict.GateInputException;
import io.parbench.verdict.GateSettings;
import io.parbench.verdict.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateSettingsTest {

    private static Configuration config(String engine, String kernel, String variant, int workers) {
        return new Configuration(engine, kernel, variant, 1024, workers);
    }

    @Test
    void selectorsReadEveryPartOptionally() {
        assertEquals(new Selector("nbody", null, "chromium", 2), Selector.parse("nbody@chromium:2", "--x"));
        assertEquals(new Selector("sort", "jdk", "native", 4), Selector.parse("sort:jdk@native:4", "--x"));
        assertEquals(new Selector("sort", "jdk", null, null), Selector.parse("sort:jdk", "--x"));
        assertEquals(new Selector("sort", null, null, 4), Selector.parse("sort:4", "--x"));
        assertEquals(new Selector(null, null, "chromium", null), Selector.parse("@chromium", "--x"));
        assertEquals(new Selector(null, null, "chromium", 2), Selector.parse("*@chromium:2", "--x"));
        assertEquals("sort:jdk@native:4", Selector.parse("sort:jdk@native:4", "--x").toString());
    }

    @Test
    void aKernelWithoutVariantMatchesAllItsVariants() {
        Selector sort = Selector.parse("sort", "--x");
        assertTrue(sort.matches(config("native", "sort", "jdk", 2)));
        assertTrue(sort.matches(config("native", "sort", null, 2)));
        assertTrue(!Selector.parse("sort:jdk", "--x").matches(config("native", "sort", null, 2)));
    }

    @Test
    void unreadableSelectorsSayWhatTheSyntaxIs() {
        GateInputException e = assertThrows(GateInputException.class, () -> GateSettings.parse(0.95, List.of("nbody@@chromium=5"), List.of()));
        assertEquals("--threshold 'nbody@@chromium': cannot read 'nbody@@chromium' as KERNEL[:VARIANT][@ENGINE][:WORKERS], "
                + "e.g. nbody@chromium:2, sort:jdk, @chromium.", e.getMessage());
    }

    @Test
    void theNarrowestMatchingThresholdWins() {
        GateSettings s = GateSettings.parse(0.95, List.of("8%", "@chromium=12%", "nbody=10", "nbody@chromium=15%"), List.of());
        assertEquals(0.15, s.thresholds().lookup(config("chromium", "nbody", null, 2)), 1e-12);
        assertEquals(0.10, s.thresholds().lookup(config("native", "nbody", null, 2)), 1e-12);
        assertEquals(0.12, s.thresholds().lookup(config("chromium", "sum", null, 2)), 1e-12);
        assertEquals(0.08, s.thresholds().lookup(config("native", "sum", null, 2)), 1e-12);
        assertEquals(0.05, GateSettings.defaults().thresholds().lookup(config("native", "sum", null, 2)), 1e-12);
    }

    @Test
    void floorsApplyOnlyWhereGiven() {
        GateSettings s = GateSettings.parse(0.95, List.of(), List.of("nbody@chromium:2=1.6"));
        assertEquals(1.6, s.speedupFloors().lookup(config("chromium", "nbody", null, 2)));
        assertNull(s.speedupFloors().lookup(config("chromium", "nbody", null, 4)));
        assertEquals(1.2, GateSettings.parse(0.95, List.of(), List.of("1.2")).speedupFloors().lookup(config("jvm", "sum", null, 8)));
    }

    @Test
    void badValuesAreClearErrors() {
        assertMessage("--threshold '0%' is out of range; give a percentage above 0 and below 100, e.g. 5%.", List.of("0%"), List.of());
        assertMessage("--threshold 'five' is not a number; give a percentage such as 5% or nbody@chromium=10%.", List.of("five"), List.of());
        assertMessage("--threshold is given twice for nbody; give each selector once.", List.of("nbody=5", "nbody=6"), List.of());
        assertMessage("--min-speedup '-1' must be a positive speedup, e.g. 1.6.", List.of(), List.of("-1"));
        assertMessage("--min-speedup nbody:1: the speedup at one worker is 1 by definition; give a floor at 2 or more workers.",
                List.of(), List.of("nbody:1=1.5"));
        GateInputException e = assertThrows(GateInputException.class, () -> GateSettings.parse(95, List.of(), List.of()));
        assertTrue(e.getMessage().startsWith("--confidence 95.0 is out of range"), e.getMessage());
    }

    private static void assertMessage(String expected, List<String> thresholds, List<String> floors) {
        assertEquals(expected, assertThrows(GateInputException.class, () -> GateSettings.parse(0.95, thresholds, floors)).getMessage());
    }
}
