package io.parbench.results;

/** A scaling series: the same engine, kernel, variant and size across worker counts. */
public record SeriesKey(String engine, String kernel, String variant, long size) {

    /** Kernel name with its variant, e.g. {@code sort} or {@code sort:jdk}. */
    public String kernelLabel() {
        return variant == null ? kernel : kernel + ":" + variant;
    }

    public String label() {
        return engine + "/" + kernelLabel() + "/" + size;
    }
}
