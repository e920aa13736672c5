package io.parbench.verdict;

import io.parbench.results.Configuration;

/**
 * The current run's speedup at one worker count against a floor from --min-speedup.
 *
 * @param speedup with its interval; null when it could not be computed (see the reason)
 */
public record FloorCheck(Configuration configuration, double floor, Interval speedup, Verdict verdict, String reason)
        implements Check {

    @Override
    public String subject() {
        return "speedup floor";
    }
}
