package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.results.RunDocument;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fleet view of several machines' runs: a speedup chart per kernel and who scales worst, where. */
class FleetSectionTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td>"
                    + "<td class=\"num\">([^<]*)%</td></tr>");

    /** A 10-core Mac whose Safari scales nbody well and forkjoin badly, next to the 2-core Linux box's three browsers. */
    private static RunDocument macMini() {
        ReportFixtures.Builder b = new ReportFixtures.Builder("mac-mini", 4, 16L)
                .engine(ReportFixtures.browser("safari", "17.4", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15", 4, true));
        b.series("safari", "nbody", null, 512, 800, 0.01, 0.0, 0.01);
        b.series("safari", "forkjoin", null, 1024, 30_000, 4.0, 0.0, 0.01);
        return b.build(true);
    }

    @Test
    void oneDocumentHasNoFleet() {
        assertFalse(HtmlReport.render(List.of(ReportFixtures.browsers())).contains("id=\"fleet\""));
    }

    @Test
    void everyMachineAndBrowserHasACurveInEachKernelsChart() {
        String fleet = fleet(HtmlReport.render(List.of(ReportFixtures.browsers(), macMini())));
        assertEquals(2, count(fleet, "class=\"chart\""), "one chart per kernel: nbody and forkjoin");
        String legend = fleet.substring(fleet.indexOf("<ul class=\"legend\">"), fleet.indexOf("</ul>"));
        assertEquals(5 + 1, count(legend, "<li>"), "one legend entry per machine and browser, and the ideal line: " + legend);
        assertTrue(legend.contains("mac-mini (amd64, 4 cores) · safari 17.4"), legend);
        for (String line : List.of("two-cores (amd64, 2 cores)</td><td>chromium 140.0.7339.185",
                "two-cores (amd64, 2 cores)</td><td>firefox 153.8.0", "two-cores (amd64, 2 cores)</td><td>webkit 2.50.6",
                "two-cores (amd64, 2 cores)</td><td>native", "mac-mini (amd64, 4 cores)</td><td>safari 17.4")) {
            assertTrue(fleet.contains(line), line);
        }
    }

    @Test
    void theTableListsWhoScalesWorstFirstAtEachMachinesFullCores() {
        String fleet = fleet(HtmlReport.render(List.of(ReportFixtures.browsers(), macMini())));
        Matcher rows = ROW.matcher(fleet);
        double previous = -1;
        int count = 0;
        while (rows.find()) {
            double efficiency = Double.parseDouble(rows.group(6));
            assertTrue(efficiency >= previous, "sorted by efficiency, lowest first: " + rows.group());
            previous = efficiency;
            String machineCores = rows.group(1).contains("mac-mini") ? "4" : "2";
            assertEquals(machineCores, rows.group(4), "W is the machine's full core count: " + rows.group());
            if (count++ == 0) {
                assertEquals("mac-mini (amd64, 4 cores)", rows.group(1), "Safari's forkjoin on 4 cores is the worst");
                assertEquals("forkjoin", rows.group(3));
            }
        }
        assertEquals(10, count, "4 engines × 2 kernels on two-cores, safari × 2 kernels on mac-mini");
    }

    private static String fleet(String html) {
        int start = html.indexOf("<section id=\"fleet\">");
        assertTrue(start >= 0, "a fleet section");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
