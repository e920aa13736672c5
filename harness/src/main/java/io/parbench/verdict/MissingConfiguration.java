package io.parbench.verdict;

import io.parbench.results.Configuration;

/** A configuration that could not be compared: on one side only, or measured differently. */
public record MissingConfiguration(Configuration configuration, String reason) implements Check {

    @Override
    public Verdict verdict() {
        return Verdict.MISSING;
    }

    @Override
    public String subject() {
        return "presence";
    }
}
