package io.parbench.change;

/** What the statistics concluded about one check (one metric of one configuration), B against A. */
public enum Outcome {
    /** B is slower: the interval excludes no change, and the estimate is at least the threshold. */
    REGRESSION,
    /** B is faster: the mirror image of a regression. */
    IMPROVEMENT,
    /** The interval excludes a slowdown as large as the threshold. */
    NO_REGRESSION,
    /** Neither yet: more rounds might decide. */
    UNDECIDED;

    public boolean decided() {
        return this != UNDECIDED;
    }
}
