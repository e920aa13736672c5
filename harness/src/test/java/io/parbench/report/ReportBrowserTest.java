package io.parbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Media;
import io.parbench.results.RunDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens real reports in headless Chromium from disk, as a reader would: no console errors,
 * nothing fetched, every kernel with its charts and table, a checklist that matches the data.
 * Screenshots land in target/ for people to look at.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target");

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        assertTrue(Files.isExecutable(CHROMIUM), "The report tests need Chromium at " + CHROMIUM + " (apt-get install chromium)");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--disable-background-networking", "--disable-component-update", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A page that records every console error, page error and request. */
    private record Opened(Page page, List<String> errors, List<String> requests) {}

    private static Opened open(List<RunDocument> documents, String name, int width) {
        Path file = OUT.resolve("report-test").resolve(name + ".html").toAbsolutePath();
        HtmlReport.write(documents, file);
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, 900));
        List<String> errors = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                errors.add(m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> errors.add("page error: " + e));
        page.onRequest(r -> requests.add(r.url()));
        page.navigate(file.toUri().toString());
        return new Opened(page, errors, requests);
    }

    @Test
    void twoRunsSideBySideLoadCleanlyWithChartsTablesAndAChecklistThatMatchesTheData() throws Exception {
        RunDocument healthy = ReportFixtures.healthy();
        RunDocument fallback = ReportFixtures.fallbackPartial();
        Opened opened = open(List.of(healthy, fallback), "two-runs", 1440);
        Page page = opened.page();

        assertEquals(List.of(), opened.errors(), "console errors");
        assertEquals(1, opened.requests().size(), "only the page itself is loaded: " + opened.requests());

        for (String kernel : List.of("sum", "mandelbrot", "sort")) {
            Locator section = page.locator("section[data-kernel='" + kernel + "']");
            Locator charts = section.locator("svg.chart");
            assertEquals(3, charts.count(), kernel + " charts");
            for (int i = 0; i < 3; i++) {
                assertTrue(charts.nth(i).boundingBox().width > 300, kernel + " chart " + i + " is drawn at a readable size");
            }
            long configurations = List.of(healthy, fallback).stream()
                    .flatMap(d -> d.configurations().stream())
                    .filter(c -> c.configuration().kernel().equals(kernel))
                    .count();
            assertEquals(configurations, section.locator("table.results tbody tr").count(), kernel + ": one row per configuration");
            assertTrue(section.locator("ul.legend li").count() >= 3, kernel + " legend");
        }
        assertTrue(page.locator("#kernel-sum h2").innerText().startsWith("Kernel: sum"));
        assertTrue(page.locator("#kernel-sort tr.status-failed").innerText().contains("checksum mismatch"));

        Locator healthyCard = page.locator("article.card[data-run='1']");
        assertEquals(5, healthyCard.locator("li.check[data-state='pass']").count());
        assertEquals(0, healthyCard.locator("li.check[data-state='fail']").count());
        Locator fallbackCard = page.locator("article.card[data-run='2']");
        Locator sab = fallbackCard.locator("li.check[data-check='" + Checklist.SHARED_ARRAY_BUFFER + "']");
        assertEquals("fail", sab.getAttribute("data-state"));
        assertEquals("✗", sab.locator(".mark").innerText());
        assertTrue(sab.locator(".fix").isVisible());
        assertTrue(sab.locator(".fix").innerText().contains("Cross-Origin-Embedder-Policy: require-corp"));
        assertEquals("pass", fallbackCard.locator("li.check[data-check='" + Checklist.FALLBACK + "']").getAttribute("data-state"));
        assertTrue(fallbackCard.locator(".banner.partial").isVisible(), "the interrupted run is labelled as partial");
        assertTrue(page.locator("#problems").innerText().contains("threads unavailable: the page is not cross-origin isolated"));
        assertTrue(page.locator("#environment").innerText().contains("ci-runner-7"));

        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("report-screenshot.png")).setFullPage(true));
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("report-screenshot-top.png")));
        // An A4 landscape page less its margins is about 1030 CSS pixels wide.
        page.setViewportSize(1030, 900);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("report-print.png")).setFullPage(true));
        byte[] pdf = page.pdf(new Page.PdfOptions().setPath(OUT.resolve("report.pdf")).setPreferCSSPageSize(true));
        assertTrue(pdf.length > 10_000, "the report prints");
        page.close();
    }

    @Test
    void aFullRunFitsALaptopScreenWithoutSidewaysScrolling() {
        Opened opened = open(List.of(ReportFixtures.allKernels()), "all-kernels", 1366);
        Page page = opened.page();
        assertEquals(List.of(), opened.errors(), "console errors");
        assertEquals(ReportFixtures.ALL_KERNELS.size(), page.locator("section.kernel").count());
        assertEquals(ReportFixtures.ALL_KERNELS.size() * 3, page.locator("svg.chart").count());
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no horizontal scrolling on a 1366 px wide screen");
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("report-screenshot-all-kernels.png")).setFullPage(true));
        page.close();
    }
}
