package io.parbench.report;

/** Small pieces of markup that several sections share. */
final class Fragments {

    private Fragments() {}

    /** {@code Run 2: host · 2025-03-01 14:02 UTC}. */
    static String runTitle(ReportedRun run) {
        return "Run " + (run.index() + 1) + ": " + run.label();
    }

    /** A small square in the engine's colour, placed before its name. */
    static String swatch(String engine) {
        return "<span class=\"swatch\" style=\"background:" + Palette.css(engine) + "\"></span>";
    }

    static void partialBanner(Html html) {
        html.open("p", "banner partial")
                .element("strong", null, "Partial run.")
                .text(" The run was interrupted (or is still going): this document holds only what was measured"
                        + " before it stopped.")
                .close("p");
    }
}
