package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.EngineFacts;
import io.parbench.results.RunDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void aFullSizedReportIsSelfContainedAndSmall() {
        String html = HtmlReport.render(List.of(ReportFixtures.allKernels()));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing fetched from anywhere");
        assertTrue(html.contains("default-src 'none'"), "a content security policy keeps it offline");
        assertEquals(ReportFixtures.ALL_KERNELS.size() * 3, count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""));
        // 7 kernels × 3 engines × 3 worker counts: a real default run. It must stay a file people can mail.
        assertTrue(html.length() < 3_000_000, "report is " + html.length() + " characters");
    }

    @Test
    void whereTheSpeedupGoesIsChartedPerKernelWithTheDominantLossNamed() {
        String html = HtmlReport.render(List.of(ReportFixtures.accounted()));
        int sum = html.indexOf("id=\"kernel-sum\"");
        int mandelbrot = html.indexOf("id=\"kernel-mandelbrot\"");
        int losses = html.indexOf("id=\"kernel-sum-losses\"");
        assertTrue(sum >= 0 && losses > sum, "the sum kernel has its chart");
        assertTrue(html.contains("aria-label=\"sum: where the speedup goes\""), "drawn as a chart");
        // Serial fraction 0.3 at W = 4: S = 1 / (0.3 + 0.7 / 4) = 2.11, and 3 × 0.3 / 0.475 = 1.89 lost to idle workers.
        assertTrue(html.matches("(?s).*<li>chromium W=4: S 2\\.1\\d of 4; 1\\.89 lost to idle workers \\(asleep, waiting for work\\)</li>.*"),
                "the dominant loss is named with its figure");
        assertTrue(html.contains("<tr><td>chromium</td><td class=\"num\">4</td><td class=\"num\">2.1"), "the parts in figures");
        assertFalse(html.contains("id=\"kernel-mandelbrot-losses\""), "a kernel without accounting shows nothing new");
        assertTrue(html.matches("(?s).*<li data-kind=\"loss\"><strong>chromium W=4: idle workers \\(asleep, waiting for work\\)</strong>:"
                + " sum 2\\^20: S 2\\.1\\d of 4, 1\\.89 lost</li>.*"), "a large loss is a finding of the problems section");
        assertTrue(mandelbrot >= 0);
        assertFalse(HtmlReport.render(List.of(ReportFixtures.healthy())).contains("where the speedup goes"));
    }

    @Test
    void problemsAreGroupedByCauseIntoFindingsWithEveryRowKeptBelow() {
        String html = HtmlReport.render(List.of(ReportFixtures.healthyWithRetries()));
        String problems = html.substring(html.indexOf("<section id=\"problems\">"));
        problems = problems.substring(0, problems.indexOf("</section>"));
        assertTrue(problems.contains("<strong>firefox: 3 pages retried before measuring</strong>"), problems);
        assertTrue(problems.contains("<strong>chromium: 1 configuration failed</strong>: chromium/sort/262144@W4: checksum mismatch"), problems);
        assertTrue(problems.matches("(?s).*<strong>mandelbrot: noisy in chromium</strong>: CV \\d.*"), problems);
        int findings = problems.indexOf("<ul class=\"findings\">");
        int rows = problems.indexOf("<details class=\"all-problems\"><summary>Every row (");
        assertTrue(findings >= 0 && rows > findings, "the findings first, every row below");
        assertEquals(2, count(problems, "data-kind=\"retried\"") - 1, "each retried fork is a row (and one finding)");
        assertTrue(problems.contains("<code>firefox/nbody/512 fork 3</code>"), problems);
        assertTrue(problems.contains("<strong>outlying samples (kept) in 8 configurations (native 2, jvm 3, chromium 3)</strong>"), problems);
    }

    @Test
    void aReproducibleSpeedupAboveWWithLessBusyTimePerStepIsReportedAsSuperlinear() {
        String html = HtmlReport.render(List.of(ReportFixtures.accounted()));
        assertTrue(html.matches("(?s).*<strong>axpy W=2: superlinear \\(every fork above, less busy time per step\\)</strong>: native 2\\.2\\d×.*"),
                "a finding");
        assertTrue(html.matches("(?s).*speedup 2\\.2\\d× is above what 2 workers on 4 cores can give in every fork \\(2 forks\\), and the"
                + " accounting shows why: 0\\.2\\d of it gained from less busy time per step than at W=1.*"), "its evidence");
        assertFalse(html.contains("handicapped"));
    }

    @Test
    void chartIdsAreUniqueInThePage() {
        String html = HtmlReport.render(List.of(ReportFixtures.healthy(), ReportFixtures.fallbackPartial(), ReportFixtures.accounted()));
        Matcher ids = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
        }
        Matcher refs = Pattern.compile("url\\(#([^)]+)\\)").matcher(html);
        int references = 0;
        while (refs.find()) {
            assertTrue(seen.contains(refs.group(1)), "dangling reference #" + refs.group(1));
            references++;
        }
        assertTrue(references > 0, "charts clip their plot area");
    }

    @Test
    void failuresFallbacksAndFlagsAreListedWithTheirReasons() {
        String html = HtmlReport.render(List.of(ReportFixtures.healthy(), ReportFixtures.fallbackPartial()));
        assertTrue(html.contains("checksum mismatch: expected 9f2c41d07a3b55e1, got 0000000000000000"));
        assertTrue(html.contains("ran single-threaded: threads unavailable: the page is not cross-origin isolated"));
        assertTrue(html.contains("noisy: CV"), "the chromium mandelbrot series has a 9% coefficient of variation");
        assertTrue(html.contains("console warning: SharedArrayBuffer is not defined"));
        assertTrue(html.contains("Partial run."));
        assertTrue(html.contains(Html.escape("parbench run --profile quick --engines native,chromium --out 'reports/ci-runner-7 run/results.json'")));
    }

    @Test
    void aSpeedupBeyondTheCoresWithoutAccountingIsListedAsUnexplainedWithWhatCouldHaveBeenGiven() {
        String html = HtmlReport.render(List.of(ReportFixtures.speedupAboveTheCores()));
        assertTrue(html.matches("(?s).*speedup [45]\\.\\d+× is above what 4 workers on 4 cores can give in every fork, but no"
                + " accounting was taken to show why. Not counted as a result.*"), "the unexplained speedup is worded in the report");
    }

    @Test
    void enginesFarApartGetALogarithmicAxisAndAKernelThatOnlyFailedKeepsItsSection() {
        ReportFixtures.Builder b = new ReportFixtures.Builder("box", 4, 21L)
                .engine(EngineFacts.available("native", Map.of()))
                .engine(ReportFixtures.chromium(true, true))
                .series("native", "nbody", null, 2048, 5000, 0.05, 0, 0.01)
                .series("chromium", "nbody", null, 2048, 40, 0.05, 0, 0.01);
        for (int w : ReportFixtures.WORKERS) {
            b.failedAt("native", "sort", 1 << 18, w, "crashed: SIGSEGV in pb_sort_step");
        }
        String html = HtmlReport.render(List.of(b.build(true)));
        assertTrue(html.contains("<title>nbody: throughput (log scale)</title>"), "125× apart: a linear axis would flatten chromium");
        String sort = html.substring(html.indexOf("<section class=\"kernel\" id=\"kernel-sort\""));
        assertTrue(sort.contains("Nothing to draw: no configuration of this kernel was measured."));
        assertEquals(ReportFixtures.WORKERS.size(), count(sort.substring(0, sort.indexOf("</table>")), "crashed: SIGSEGV in pb_sort_step"));
        assertTrue(sort.contains("nothing measured: every configuration failed"));
    }

    @Test
    void browsersAreShownSideBySideWithTheirOwnChecklists() {
        String html = HtmlReport.render(List.of(ReportFixtures.browsers()));
        assertTrue(html.contains("<section id=\"browsers\"><h2>Browsers side by side</h2>"), html);
        for (String browser : List.of("chromium", "firefox", "webkit")) {
            assertTrue(html.contains("<tr><td>" + browser + "</td>"), browser);
            assertTrue(html.contains("<h4>Checklist: " + browser), browser);
        }
        // The browser that has no SharedArrayBuffer fails its own checklist; the others pass theirs.
        assertTrue(html.contains("<h4>Checklist: webkit (✗)</h4>"), html);
        assertTrue(html.contains("<h4>Checklist: firefox (✓)</h4>"), html);
        assertTrue(html.contains("forkjoin: S, ÷ native"), html);
        assertTrue(html.contains("@W4"), "the region cost is taken at the most workers");
    }

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nested/report.html");
        HtmlReport.write(List.of(ReportFixtures.fallbackPartial()), out);
        HtmlReport.write(List.of(ReportFixtures.fallbackPartial()), out);
        assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
        // Readable like any file the user makes (umask), not private like a temporary file.
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
