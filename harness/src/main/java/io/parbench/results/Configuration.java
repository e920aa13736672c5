package io.parbench.results;

/**
 * One thing to measure: a kernel (and implementation variant) of a given size on an engine
 * with a given number of workers.
 *
 * @param variant null for the project's own implementation; otherwise a named alternative
 *     (e.g. "jdk" for the JDK's Arrays.parallelSort) measured as its own series
 */
public record Configuration(String engine, String kernel, String variant, long size, int workers) {

    /** The series this configuration belongs to: everything but the worker count. */
    public SeriesKey series() {
        return new SeriesKey(engine, kernel, variant, size);
    }

    /** A short stable label, e.g. {@code native/sort:jdk/2097152@W4}. */
    public String label() {
        return series().label() + "@W" + workers;
    }
}
