package io.parbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void throughputUsesThreeSignificantDigitsAndSiPrefixes() {
        assertEquals("1.23 k steps/s", Format.rate(1234.5));
        assertEquals("456 steps/s", Format.rate(456.2));
        assertEquals("4.56 steps/s", Format.rate(4.561));
        assertEquals("45.7 M steps/s", Format.rate(45_678_000));
        assertEquals("1.00 k steps/s", Format.rate(999.7));
        assertEquals("0.512 steps/s", Format.rate(0.5123));
    }

    @Test
    void stepTimePicksTheUnitThatReadsBest() {
        assertEquals("4.56 ms/step", Format.stepTime(219.3));
        assertEquals("417 µs/step", Format.stepTime(2400));
        assertEquals("2.00 s/step", Format.stepTime(0.5));
        assertEquals("–", Format.stepTime(0));
        assertEquals("850 ns", Format.seconds(850e-9));
    }

    @Test
    void ratiosPercentagesAndFractions() {
        assertEquals("1.93×", Format.times(1.9312));
        assertEquals("0.458×", Format.times(0.4581));
        assertEquals("0.00798×", Format.times(0.007981));
        assertEquals("100%", Format.percent(1.0));
        assertEquals("71.7%", Format.percent(0.7172));
        assertEquals("0.94%", Format.percent(0.00942));
        assertEquals("0.042", Format.fraction(0.04213));
        assertEquals("0.000", Format.fraction(-0.0001));
    }

    @Test
    void axisTicksDropTrailingZeros() {
        assertEquals("1.5 k", Format.tick(1500));
        assertEquals("20", Format.tick(20));
        assertEquals("0.25", Format.tick(0.25));
        assertEquals("0", Format.tick(0));
        assertEquals("2 M", Format.tick(2e6));
    }

    @Test
    void sizesBytesAndTimes() {
        assertEquals("2^20", Format.size(1 << 20));
        assertEquals("256", Format.size(256));
        assertEquals("1,000,000", Format.size(1_000_000));
        assertEquals("16 GiB", Format.bytes(16L << 30));
        assertEquals("14.5 GiB", Format.bytes(15_600_000_000L));
        assertEquals("unknown", Format.bytes(0));
        assertEquals("2025-06-02 09:30 UTC", Format.instant(Instant.parse("2025-06-02T09:30:41Z")));
        assertEquals("4 min 12 s", Format.duration(Instant.parse("2025-06-02T09:30:00Z"), Instant.parse("2025-06-02T09:34:12Z")));
    }

    @Test
    void commandLinesAreQuotedForAPosixShell() {
        assertEquals("parbench run --out 'reports/my run/results.json' --note 'it'\\''s'",
                Format.commandLine(List.of("parbench", "run", "--out", "reports/my run/results.json", "--note", "it's")));
    }
}
