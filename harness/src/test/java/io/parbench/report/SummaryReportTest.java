package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Above so many configurations the report summarises: no charts, bounded tables, every count. */
class SummaryReportTest {

    @Test
    void upToTheLimitEverySeriesIsDrawnAboveItTheReportSummarises() {
        assertFalse(SummaryReport.needed(List.of(ReportFixtures.many(SummaryReport.FULL_REPORT_LIMIT))));
        assertTrue(SummaryReport.needed(List.of(ReportFixtures.many(SummaryReport.FULL_REPORT_LIMIT + 1))));
        assertTrue(SummaryReport.needed(List.of(ReportFixtures.many(1_500), ReportFixtures.many(1_500))), "all documents together");
        assertTrue(HtmlReport.render(List.of(ReportFixtures.healthy())).contains("<svg"), "a run's report draws its series");
    }

    @Test
    void aboveTheLimitTheReportSummarisesEveryKernelInATableOfBoundedLength() {
        int configurations = SummaryReport.FULL_REPORT_LIMIT + 1_000;
        String html = HtmlReport.render(List.of(ReportFixtures.many(configurations)));
        assertTrue(html.contains("parbench speedup report: summary"), html.substring(0, 500));
        assertTrue(html.contains(String.format("%,d configurations in", configurations)), "the count is said");
        assertTrue(html.contains("above 2,000 configurations the report summarises"), "and why");
        assertFalse(html.contains("<svg"), "no charts");
        assertEquals(ReportFixtures.ALL_KERNELS.size(), count(html, "<section class=\"kernel\""), "one table per kernel");
        // 3,000 configurations: 1,000 series, about 143 per kernel; 30 that scale worst, 10 best, the rest counted.
        assertEquals(ReportFixtures.ALL_KERNELS.size() * (40 + 1), count(html, "<tr><td"), "rows per kernel are bounded");
        assertTrue(html.contains("more series …"));
        assertTrue(html.contains("Machines and runs"), "the machines are still there");
    }

    @Test
    void theSummaryOfAHugeDocumentIsAsSmallAsThatOfALargeOne() {
        int large = HtmlReport.render(List.of(ReportFixtures.many(3_000))).length();
        int huge = HtmlReport.render(List.of(ReportFixtures.many(30_000))).length();
        assertTrue(huge < large * 1.1, large + " bytes, then " + huge);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
