package io.parbench.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * When the data may be looked at, and how much of the false-alarm rate each look may spend.
 *
 * <p>Group-sequential with Bonferroni alpha spending: at most {@link #looks()} looks, at round
 * counts growing geometrically from {@code firstLook} to {@code maxRounds}, the last one at
 * {@code maxRounds} (fitted to what the time budget holds, {@link #fitted}); every look tests every
 * check at the one-sided level alpha / (checks × looks). By the union bound, the chance that any
 * check of the family is ever called a regression although nothing changed is at most alpha,
 * however the looks and checks are correlated, and whatever was decided earlier. A look taken
 * early because the time budget ran out replaces a scheduled one, so the bound still holds.
 *
 * <p>For the family, Bonferroni and Holm fail the comparison in exactly the same cases (Holm's
 * first step is Bonferroni's test, and one regression is enough to fail), so the simpler one is used.
 *
 * <p>"No regression" is a claim of another kind (a slowdown of the threshold is ruled out), and it
 * raises no false alarm: it ends a check's looks. Its error is calling a check that did slow down
 * by the threshold "no regression", and that needs no share per check: the claim that nothing
 * slowed down by the threshold is the intersection of the checks' claims, which holds at level
 * alpha when each check's does (an intersection-union test, Berger 1982). So each check spends
 * alpha / looks on it ({@link NoRegressionLevel#PER_CHECK}); comparisons written before did as for
 * regressions ({@link NoRegressionLevel#AS_FOR_REGRESSIONS}), and their replays still do.
 */
public record SequentialPlan(int firstLook, double growth, int maxRounds, double alpha, int checks, NoRegressionLevel noRegression) {

    /** What one look's "no regression" decision of one check may spend. */
    public enum NoRegressionLevel {
        /** alpha / looks. */
        PER_CHECK,
        /** alpha / (checks x looks), as a regression (comparison documents before version 4). */
        AS_FOR_REGRESSIONS
    }

    public static final int DEFAULT_FIRST_LOOK = 6;
    public static final double DEFAULT_GROWTH = 2;
    public static final int DEFAULT_MAX_ROUNDS = 30;
    public static final double DEFAULT_ALPHA = 0.05;

    public SequentialPlan {
        if (firstLook < 3) {
            throw new IllegalArgumentException("the first look needs at least 3 rounds, got " + firstLook);
        }
        if (maxRounds < firstLook) {
            throw new IllegalArgumentException("at most " + maxRounds + " rounds is fewer than the first look's " + firstLook);
        }
        if (!(growth > 1)) {
            throw new IllegalArgumentException("looks must grow, growth was " + growth);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be between 0 and 0.5, was " + alpha);
        }
        if (checks < 1) {
            throw new IllegalArgumentException("a plan needs at least one check");
        }
        if (noRegression == null) {
            throw new IllegalArgumentException("a plan needs its level for \"no regression\"");
        }
    }

    public static SequentialPlan defaults(int checks) {
        return new SequentialPlan(DEFAULT_FIRST_LOOK, DEFAULT_GROWTH, DEFAULT_MAX_ROUNDS, DEFAULT_ALPHA, checks, NoRegressionLevel.PER_CHECK);
    }

    /**
     * The round counts at which the data is looked at, e.g. 6, 12, 30: geometric from the first
     * look, and always the last round. A scheduled look less than a factor √growth below the last
     * round is left out: it would spend alpha on nearly the data the last look has.
     */
    public List<Integer> lookRounds() {
        List<Integer> rounds = new ArrayList<>();
        int n = firstLook;
        while (n < maxRounds) {
            if (n * Math.sqrt(growth) <= maxRounds) {
                rounds.add(n);
            }
            n = Math.max(n + 1, (int) Math.round(n * growth));
        }
        rounds.add(maxRounds);
        return rounds;
    }

    /**
     * This plan ending where the time budget does: no more than {@code roundsThatFit} rounds (never
     * fewer than the first look's), so that no alpha is set aside for looks the budget will never
     * reach. Only valid before the first look, while nothing is spent.
     */
    public SequentialPlan fitted(int roundsThatFit) {
        return new SequentialPlan(firstLook, growth, Math.max(firstLook, Math.min(maxRounds, roundsThatFit)), alpha, checks, noRegression);
    }

    /** The most looks there will be. */
    public int looks() {
        return lookRounds().size();
    }

    public boolean isLook(int rounds) {
        return lookRounds().contains(rounds);
    }

    /** The one-sided false-regression rate one check may spend at one look. */
    public double levelPerCheckAndLook() {
        return alpha / ((double) checks * looks());
    }

    /** The chance one look may take of calling a check "no regression" although it slowed down by the threshold. */
    public double noRegressionLevel() {
        return noRegression == NoRegressionLevel.PER_CHECK ? alpha / looks() : levelPerCheckAndLook();
    }
}
