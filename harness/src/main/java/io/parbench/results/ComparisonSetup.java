package io.parbench.results;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a comparison's decisions depend on besides its samples, so they can be recomputed
 * from the document.
 *
 * @param thresholds the --threshold specifications as given ({@code 5%}, {@code nbody@chromium=10%})
 * @param alpha the family's false-regression rate over all checks and looks, e.g. 0.05
 * @param firstLook rounds before the first look
 * @param lookGrowth each look's round count over the previous one's
 * @param maxRounds the last look: --max-rounds, or fewer when the budget holds fewer (fitted after each round before the first look)
 * @param budget the time the rounds may take
 * @param undecided what an undecided check does to the exit code: pass or fail
 * @param orderSeed the seed of the random order of configurations and sides in each round
 * @param pairing per engine, how A and B met: {@link #IN_FORK} (both in the same page or JVM,
 *     their blocks interleaved), or separate forks with the reason they could not share one;
 *     empty in documents of version 1 (separate forks)
 * @param rerunContended the pre-registered rule ({@code --rerun-contended}): a pair whose either
 *     side's workers waited more than this share of their runnable time for a CPU is set aside and
 *     its configuration measured again (compare.Contention); null: off, and in older documents
 */
public record ComparisonSetup(
        SideSetup baseline, SideSetup current, List<String> thresholds, double alpha, int firstLook, double lookGrowth,
        int maxRounds, Duration budget, String undecided, long orderSeed, Map<String, String> pairing,
        Double rerunContended) {

    /** The pairing of an engine whose sides share each fork. */
    public static final String IN_FORK = "in-fork";

    public ComparisonSetup {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        pairing = pairing == null ? Map.of() : Map.copyOf(pairing);
    }

    /** This setup with the plan's last look moved, as fitting the plan to the budget does. */
    public ComparisonSetup withMaxRounds(int rounds) {
        return new ComparisonSetup(baseline, current, thresholds, alpha, firstLook, lookGrowth, rounds, budget, undecided, orderSeed,
                pairing, rerunContended);
    }

    /** This setup with another contention rule (a replay asking what the rule would have decided). */
    public ComparisonSetup withRerunContended(Double limit) {
        return new ComparisonSetup(baseline, current, thresholds, alpha, firstLook, lookGrowth, maxRounds, budget, undecided, orderSeed,
                pairing, limit);
    }

    /** How an engine's sides met (see {@code pairing}). */
    public String pairingOf(String engine) {
        return pairing.getOrDefault(engine, "separate forks");
    }
}
