package io.parbench.report;

/** A small HTML writer: text is always escaped unless it is appended as markup on purpose. */
final class Html {

    private final StringBuilder out = new StringBuilder(1 << 16);

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Appends trusted markup as is. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends text, escaped. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** {@code <tag class="cls">text</tag>}, with the text escaped; no class attribute when cls is null. */
    Html element(String tag, String cls, String text) {
        return open(tag, cls).text(text).close(tag);
    }

    Html open(String tag, String cls) {
        out.append('<').append(tag);
        if (cls != null) {
            out.append(" class=\"").append(escape(cls)).append('"');
        }
        out.append('>');
        return this;
    }

    /** An opening tag with extra attributes, given as trusted markup (e.g. {@code id="x"}). */
    Html openWith(String tag, String attributes) {
        out.append('<').append(tag).append(' ').append(attributes).append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
