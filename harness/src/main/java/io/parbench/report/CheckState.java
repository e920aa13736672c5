package io.parbench.report;

/** The outcome of one checklist item. */
public enum CheckState {
    PASS("✓", "pass"),
    FAIL("✗", "fail"),
    /** The document has no data for it (e.g. no browser engine ran). */
    NOT_MEASURED("–", "not measured"),
    /** Data could exist but nobody looked (e.g. the module was not inspected). */
    NOT_CHECKED("?", "not checked");

    private final String symbol;
    private final String words;

    CheckState(String symbol, String words) {
        this.symbol = symbol;
        this.words = words;
    }

    public String symbol() {
        return symbol;
    }

    public String words() {
        return words;
    }
}
