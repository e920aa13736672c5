package io.parbench.engines.browser;

/** Short forms of exception messages for reasons and notes (Playwright's carry call logs). */
public final class ErrorText {

    private ErrorText() {}

    public static String firstLine(String message) {
        return message == null ? "(no message)" : message.lines().findFirst().orElse("(no message)");
    }
}
