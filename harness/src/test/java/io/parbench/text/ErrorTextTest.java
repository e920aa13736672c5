package io.parbench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void playwrightsWrappedErrorsKeepTheirNameAndMessage() {
        String wrapped = """
                Error {
                  message='Target page, context or browser has been closed
                  name='TargetClosedError
                  stack='TargetClosedError: Target page, context or browser has been closed
                    at PageDispatcher._dispose (/tmp/playwright-java-1/package/lib/server/dispatchers/dispatcher.js:109:30)
                }""";
        assertEquals("TargetClosedError: Target page, context or browser has been closed", ErrorText.summary(wrapped));
    }

    @Test
    void stackFramesAndCallLogsAreLeftOut() {
        assertEquals("Timeout 100ms exceeded. waiting for locator",
                ErrorText.summary("Timeout 100ms exceeded.\nwaiting for locator\nCall log:\n  - navigating to x\n"));
        assertEquals("boom", ErrorText.summary("boom\n    at a.b(c.js:1)\n    at d"));
        assertEquals("(no message)", ErrorText.summary(null));
    }

    @Test
    void lastLinesShowsTheEndOfALog() {
        assertEquals(" (last console lines: b | c)", ErrorText.lastLines("console lines", List.of("a", "b", "c"), 2));
        assertEquals("", ErrorText.lastLines("console lines", List.of(), 2));
    }
}
