package io.parbench.verdict;

import java.util.List;

/**
 * How the gate decides.
 *
 * @param confidence for significance, e.g. 0.95
 * @param thresholds the smallest relative change that counts, e.g. 0.05, per configuration
 * @param speedupFloors minimum speedups of the current run (null fallback: no floor unless selected)
 */
public record GateSettings(double confidence, SelectorRules<Double> thresholds, SelectorRules<Double> speedupFloors) {

    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double DEFAULT_THRESHOLD = 0.05;

    public static GateSettings defaults() {
        return parse(DEFAULT_CONFIDENCE, List.of(), List.of());
    }

    /**
     * @param thresholdSpecs {@code 5%}, {@code nbody@chromium=10%} (percent; the % sign is optional)
     * @param floorSpecs {@code 1.2}, {@code nbody@chromium:2=1.6}
     */
    public static GateSettings parse(double confidence, List<String> thresholdSpecs, List<String> floorSpecs) {
        if (!(confidence >= 0.5 && confidence <= 0.9999)) {
            throw new GateInputException("--confidence " + confidence + " is out of range; give a level between 0.5 and 0.9999, e.g. 0.95.");
        }
        SelectorRules<Double> floors = SelectorRules.parse("--min-speedup", floorSpecs, null, GateSettings::speedup);
        for (var rule : floors.rules()) {
            if (Integer.valueOf(1).equals(rule.selector().workers())) {
                throw new GateInputException("--min-speedup " + rule.selector() + ": the speedup at one worker is 1 by definition; give a floor at 2 or more workers.");
            }
        }
        return new GateSettings(
                confidence, SelectorRules.parse("--threshold", thresholdSpecs, DEFAULT_THRESHOLD, GateSettings::percent), floors);
    }

    private static double percent(String text) {
        String digits = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        double value = number(digits, "--threshold", text, "a percentage such as 5% or nbody@chromium=10%");
        if (!(value > 0 && value < 100)) {
            throw new GateInputException("--threshold '" + text + "' is out of range; give a percentage above 0 and below 100, e.g. 5%.");
        }
        return value / 100;
    }

    private static double speedup(String text) {
        double value = number(text, "--min-speedup", text, "a speedup such as 1.6 or nbody@chromium:2=1.6");
        if (!(value > 0)) {
            throw new GateInputException("--min-speedup '" + text + "' must be a positive speedup, e.g. 1.6.");
        }
        return value;
    }

    private static double number(String digits, String option, String text, String expected) {
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new GateInputException(option + " '" + text + "' is not a number; give " + expected + ".");
        }
    }
}
