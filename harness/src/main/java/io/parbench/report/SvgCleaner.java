package io.parbench.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a standalone SVG document from VectorGraphics2D into markup fit to inline in a page:
 * no XML prolog, ids unique within the page, a scalable root element with an accessible
 * title, and coordinates rounded to a tenth of a pixel (XChart draws text as paths, so the
 * digits are most of the size; rounding halves it without a visible difference).
 */
final class SvgCleaner {

    private static final Pattern PROLOG = Pattern.compile("(?s)^.*?(?=<svg)");
    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("(url\\(#|href=\"#)([^)\"]+)");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d{2,}");
    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");

    private SvgCleaner() {}

    static String clean(String svg, String idPrefix, String title) {
        String body = PROLOG.matcher(svg).replaceFirst("");
        Matcher root = ROOT.matcher(body);
        if (!root.find()) {
            throw new IllegalStateException("The chart renderer produced no <svg> element");
        }
        Matcher viewBox = VIEW_BOX.matcher(root.group());
        String box = viewBox.find() ? viewBox.group(1) : "0 0 " + Charts.WIDTH + " " + Charts.HEIGHT;
        String newRoot = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"" + box
                + "\" role=\"img\" aria-label=\"" + Html.escape(title) + "\"><title>" + Html.escape(title) + "</title>";
        body = newRoot + body.substring(root.end());
        body = ID.matcher(body).replaceAll(m -> Matcher.quoteReplacement("id=\"" + idPrefix + "-" + m.group(1) + "\""));
        body = REFERENCE.matcher(body).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + idPrefix + "-" + m.group(2)));
        body = DECIMAL.matcher(body).replaceAll(m -> round(m.group()));
        return BETWEEN_TAGS.matcher(body).replaceAll("><").strip();
    }

    private static String round(String decimal) {
        long tenths = Math.round(Double.parseDouble(decimal) * 10);
        long whole = Math.abs(tenths) / 10;
        long tenth = Math.abs(tenths) % 10;
        return (tenths < 0 ? "-" : "") + whole + (tenth == 0 ? "" : "." + tenth);
    }
}
