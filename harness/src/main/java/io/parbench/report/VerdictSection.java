package io.parbench.report;

import io.parbench.analysis.ScalingPoint;
import io.parbench.text.Format;
import java.util.List;
import java.util.Locale;

/** The top of the report: per document, the threads-in-WASM checklist and each engine's verdict. */
final class VerdictSection {

    private VerdictSection() {}

    static void render(Html html, List<ReportedRun> runs) {
        html.openWith("section", "id=\"verdict\"").element("h2", null, "Verdict");
        html.open("div", "cards");
        for (ReportedRun run : runs) {
            Checklist checklist = Checklist.of(run);
            html.openWith("article", "class=\"card\" data-run=\"" + (run.index() + 1) + "\"");
            html.element("h3", null, Fragments.runTitle(run));
            if (run.partial()) {
                Fragments.partialBanner(html);
            }
            html.openWith("p", "class=\"headline " + stateClass(checklist.overall()) + "\"")
                    .element("span", "mark", checklist.overall().symbol())
                    .text(" " + checklist.headline())
                    .close("p");
            html.open("div", "card-body").open("div", null);
            html.element("h4", null, "Threads-in-WASM checklist");
            checklist(html, checklist);
            List<String> browsers = Checklist.browserEngines(run);
            if (browsers.size() > 1) {
                for (String browser : browsers) {
                    Checklist own = Checklist.forEngine(run, browser);
                    html.element("h4", null, "Checklist: " + browser + " (" + own.overall().symbol() + ")");
                    checklist(html, own);
                }
            }
            html.close("div").open("div", null);
            html.element("h4", null, "Engines");
            engines(html, EngineSummary.of(run));
            html.close("div").close("div").close("article");
        }
        html.close("div").close("section");
    }

    private static String stateClass(CheckState state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void checklist(Html html, Checklist checklist) {
        html.open("ul", "checklist");
        for (CheckItem item : checklist.items()) {
            html.openWith("li", "class=\"check " + stateClass(item.state()) + "\" data-check=\"" + Html.escape(item.title())
                    + "\" data-state=\"" + item.state().name().toLowerCase(Locale.ROOT) + "\"");
            html.openWith("span", "class=\"mark\" title=\"" + item.state().words() + "\"").text(item.state().symbol()).close("span");
            html.open("div", null).element("strong", null, item.title());
            if (item.state() == CheckState.NOT_MEASURED || item.state() == CheckState.NOT_CHECKED) {
                html.element("span", "state-words", " — " + item.state().words());
            }
            if (item.detail() != null) {
                html.element("p", "detail", item.detail());
            }
            if (item.fix() != null) {
                html.open("p", "fix").element("strong", null, "Fix: ").text(item.fix()).close("p");
            }
            html.close("div").close("li");
        }
        html.close("ul");
    }

    private static void engines(Html html, List<EngineSummary> summaries) {
        html.open("table", "engines")
                .raw("<thead><tr><th>Engine</th><th>Configurations</th><th>Best speedup</th>"
                        + "<th>Recommended workers</th></tr></thead><tbody>");
        for (EngineSummary s : summaries) {
            html.openWith("tr", "data-engine=\"" + Html.escape(s.engine()) + "\"");
            html.open("td", "engine").raw(Fragments.swatch(s.engine())).text(s.engine()).close("td");
            if (!s.available()) {
                html.openWith("td", "colspan=\"3\" class=\"unavailable\"")
                        .text("Unavailable: " + s.facts().reason())
                        .raw(s.facts().fix() == null ? "" : "<br><strong>Fix: </strong>" + Html.escape(s.facts().fix()))
                        .close("td");
            } else {
                html.element("td", null, counts(s));
                html.open("td", "best");
                s.best().ifPresentOrElse(b -> {
                    html.element("strong", null, Format.times(b.speedup()));
                    html.text(" on " + b.point().workers() + " workers (" + b.series().key().kernelLabel() + ")");
                    html.element("small", null, interval(b.point()));
                }, () -> html.element("span", "muted", "no speedup measured"));
                html.close("td");
                html.open("td", null);
                s.typicalRecommendation().ifPresentOrElse(w -> {
                    html.element("strong", null, "W = " + w);
                    html.element("small", null, s.recommendationDetail());
                }, () -> html.element("span", "muted", "none"));
                html.close("td");
            }
            html.close("tr");
        }
        html.raw("</tbody>").close("table");
    }

    private static String counts(EngineSummary s) {
        StringBuilder out = new StringBuilder(s.ok() + " ok");
        if (s.fallback() > 0) {
            out.append(" · ").append(s.fallback()).append(" fallback");
        }
        if (s.failed() > 0) {
            out.append(" · ").append(s.failed()).append(" failed");
        }
        return out.toString();
    }

    private static String interval(ScalingPoint p) {
        return p.speedupLow() == null ? "" : "95% CI " + Format.range(Format.times(p.speedupLow()), Format.times(p.speedupHigh()));
    }
}
