package io.parbench.report;

/**
 * One line of the threads-in-WASM checklist.
 *
 * @param detail what the data says, in words; null when the checklist's headline already says it
 * @param fix what to do about it; null unless the state is {@link CheckState#FAIL}
 */
public record CheckItem(String title, CheckState state, String detail, String fix) {

    static CheckItem pass(String title, String detail) {
        return new CheckItem(title, CheckState.PASS, detail, null);
    }

    static CheckItem fail(String title, String detail, String fix) {
        return new CheckItem(title, CheckState.FAIL, detail, fix);
    }

    static CheckItem notMeasured(String title, String detail) {
        return new CheckItem(title, CheckState.NOT_MEASURED, detail, null);
    }

    static CheckItem notChecked(String title, String detail) {
        return new CheckItem(title, CheckState.NOT_CHECKED, detail, null);
    }
}
