package io.parbench.verdict;

import io.parbench.results.Configuration;

/** A configuration the current run failed (or measured wrong): always a gate failure. */
public record FailedConfiguration(Configuration configuration, String reason) implements Check {

    @Override
    public Verdict verdict() {
        return Verdict.FAILED;
    }

    @Override
    public String subject() {
        return "status";
    }
}
