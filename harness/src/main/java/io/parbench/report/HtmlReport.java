package io.parbench.report;

import io.parbench.results.AtomicFile;
import io.parbench.results.ParbenchVersion;
import io.parbench.results.RunDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The HTML speedup report: one self-contained page (inline CSS, charts inlined as SVG, no
 * scripts, nothing fetched) that opens offline from disk and prints.
 *
 * <p>Sections: the verdict (threads-in-WASM checklist and per-engine best speedup), one section
 * per kernel, failures and flags, and the machines and commands behind the numbers. Several
 * documents (machines or runs) are shown side by side, and as a fleet: every machine and
 * browser's speedup per kernel, and who scales worst where.
 */
public final class HtmlReport {

    /** No network, no scripts: the page can only use what it carries. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private HtmlReport() {}

    /**
     * Writes the report for these documents to {@code out}, analysing those that lack an analysis.
     * The file is replaced atomically, so a reader never sees half a report.
     */
    public static void write(List<RunDocument> documents, Path out) {
        String page = render(documents);
        try {
            AtomicFile.write(out, page.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report to " + out + ": " + e.getMessage(), e);
        }
    }

    /** The page as a string; the same documents always give the same page. */
    public static String render(List<RunDocument> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("A report needs at least one results document");
        }
        List<ReportedRun> runs = ReportedRun.of(documents);
        List<String> kernels = KernelSeries.kernels(runs);
        Html html = new Html();
        html.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .element("title", null, "parbench report: " + hosts(runs))
                .raw("<style>").raw(stylesheet()).raw("</style></head><body>");
        header(html, runs, kernels);
        html.open("main", null);
        VerdictSection.render(html, runs);
        BrowsersSection.render(html, runs);
        FleetSection.render(html, runs, kernels);
        for (String kernel : kernels) {
            KernelSection.render(html, runs, kernel);
        }
        if (kernels.isEmpty()) {
            html.element("p", "banner", "No configurations: these documents hold no measurements yet.");
        }
        ProblemsSection.render(html, runs);
        EnvironmentSection.render(html, runs);
        html.close("main");
        html.open("footer", null)
                .text("Made by parbench " + ParbenchVersion.current() + ". Absolute throughputs belong to the machine that measured"
                        + " them; compare speedups and ratios across machines.")
                .close("footer");
        return html.raw("</body></html>\n").toString();
    }

    private static void header(Html html, List<ReportedRun> runs, List<String> kernels) {
        html.open("header", null).element("h1", null, "parbench speedup report");
        html.open("p", "subtitle");
        if (runs.size() > 1) {
            html.text(runs.size() + " runs side by side: ");
        }
        for (ReportedRun run : runs) {
            html.text((run.index() > 0 ? " | " : "") + Fragments.runTitle(run));
            if (run.partial()) {
                html.text(" ").element("span", "badge partial", "partial run");
            }
        }
        html.close("p");
        html.open("nav", null).raw("<a href=\"#verdict\">Verdict</a>");
        if (runs.stream().anyMatch(run -> BrowsersSection.browsers(run).size() > 1)) {
            html.raw("<a href=\"#browsers\">Browsers</a>");
        }
        if (runs.size() > 1) {
            html.raw("<a href=\"#" + FleetSection.ANCHOR + "\">Fleet</a>");
        }
        for (String kernel : kernels) {
            html.raw("<a href=\"#" + KernelSection.anchor(kernel) + "\">").text(kernel).raw("</a>");
        }
        html.raw("<a href=\"#problems\">Failures &amp; flags</a><a href=\"#environment\">Machines</a>");
        html.close("nav").close("header");
    }

    private static String hosts(List<ReportedRun> runs) {
        return runs.stream().map(r -> r.document().environment().hostname()).distinct().collect(Collectors.joining(", "));
    }

    /** The look of every page parbench writes (the comparison's too). */
    static String stylesheet() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the parbench build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
