package io.parbench.run;

import io.parbench.kernels.ChecksumText;
import io.parbench.kernels.KernelSpec;
import io.parbench.kernels.ReferenceChecksums;
import io.parbench.results.Configuration;
import io.parbench.results.SeriesKey;
import io.parbench.results.Status;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checksum every engine and worker count must reproduce. Built-in kernels have a reference
 * (a plain sequential implementation); for others (a user's module) the first checksum measured
 * for a kernel and size becomes the one the rest of the run must match.
 */
public final class ExpectedChecksums {

    private final Function<Configuration, Optional<String>> reference;
    private final Map<String, String> cache = new HashMap<>();
    private final Map<String, String> firstSeen = new HashMap<>();

    /** @param reference the reference checksum of a configuration, empty where there is none */
    public ExpectedChecksums(Function<Configuration, Optional<String>> reference) {
        this.reference = reference;
    }

    /** Expectations from the sequential reference implementation for the built-in kernels. */
    public static ExpectedChecksums fromReference(long seed) {
        return new ExpectedChecksums(c -> KernelSpec.byId(c.kernel()).flatMap(k -> reference(k, c.size(), seed)));
    }

    private static Optional<String> reference(KernelSpec kernel, long size, long seed) {
        try {
            return Optional.of(ChecksumText.of(ReferenceChecksums.of(kernel, size, seed)));
        } catch (IllegalArgumentException | OutOfMemoryError e) {
            // Too large for the reference here; engines must then still agree with each other.
            return Optional.empty();
        }
    }

    /** The expected checksum, or null when nothing is known yet for this kernel and size. */
    public String expected(Configuration c) {
        String key = key(c);
        String known = cache.computeIfAbsent(key, k -> reference.apply(c).orElse(null));
        return known != null ? known : firstSeen.get(key);
    }

    /** Remembers a checksum that an engine reported for a configuration without a reference. */
    public void observed(Configuration c, String checksum) {
        if (checksum != null) firstSeen.putIfAbsent(key(c), checksum);
    }

    /**
     * A measurement's status once its checksum is checked: a measurement without a checksum, or
     * with another one than expected, fails; the first checksum of a kernel without a reference
     * becomes the expectation.
     *
     * @param expected the checksum it had to compute (null when none is known)
     */
    public record Verdict(Status status, String reason, String expected) {}

    /**
     * Checks what a fork computed for a configuration; the one rule for runs and comparisons alike.
     *
     * @param status how the fork measured it (ok or fallback; failed passes through)
     * @param checksum what it computed, null when nothing
     */
    public Verdict verify(Configuration c, Status status, String reason, String checksum) {
        String want = expected(c);
        if (status == Status.FAILED) {
            return new Verdict(status, reason, want);
        }
        if (checksum == null) {
            return new Verdict(Status.FAILED, "the engine reported no checksum, so the result cannot be verified", want);
        }
        if (want == null) {
            observed(c, checksum);
            return new Verdict(status, reason, checksum);
        }
        if (!want.equals(checksum)) {
            return new Verdict(Status.FAILED, "checksum mismatch: computed " + checksum + ", expected " + want
                    + " — this engine and worker count computed a different answer", want);
        }
        return new Verdict(status, reason, want);
    }

    // Variants and engines share the expectation: they compute the same kernel on the same input.
    private static String key(Configuration c) {
        SeriesKey s = c.series();
        return s.kernel() + "/" + s.size();
    }
}
