package io.parbench.gate;

import io.parbench.text.Format;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The gate's statistical decision: is a change real (significant at the stated confidence) and
 * at least as large as the threshold?
 *
 * <ul>
 *   <li>Throughput at one worker count: two-sided Mann–Whitney U test of the raw samples; the
 *       size of the change is the Hodges–Lehmann ratio (the median of all current/baseline
 *       sample ratios) with its Moses confidence interval.
 *   <li>Speedup at W: each run's speedup is the Hodges–Lehmann ratio of its W-worker to its
 *       one-worker samples, with its Moses interval; the change is current over baseline,
 *       significant when its confidence interval (the two runs' errors combined) excludes 1.
 * </ul>
 *
 * A change is a regression (or improvement) only when it is significant and at least the
 * threshold. Otherwise it is unchanged, or inconclusive when the samples cannot tell: fewer than
 * the test needs to ever reach the confidence, a change past the threshold that is not
 * significant, or noise too wide to promise that a change of twice the threshold would have been
 * caught 95% of the time. Inconclusive verdicts say about how many samples per side would decide.
 */
public final class ChangeDetector {

    /** The detection rate the "samples needed" advice aims for: the rate the gate is validated at. */
    static final double ADVICE_POWER = 0.95;
    /**
     * "Unchanged" promises that a change of this many thresholds (10% at the default 5%) would
     * have been caught with {@link #ADVICE_POWER}; samples too noisy for that are inconclusive.
     */
    static final double PROMISED_MULTIPLE = 2;

    private final double confidence;
    private final double alpha;
    private final double z;
    private final int minimumSamples;
    private final MannWhitneyUTest rankTest = new MannWhitneyUTest();

    /** @param confidence e.g. 0.95 */
    public ChangeDetector(double confidence) {
        this.confidence = confidence;
        this.alpha = 1 - confidence;
        this.z = LogShift.STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        this.minimumSamples = minimumSamples(alpha);
    }

    /**
     * The fewest samples per side with which a two-sided rank test can reach the confidence at
     * all: even perfectly separated samples have an exact p-value of 2 / C(2n, n).
     */
    static int minimumSamples(double alpha) {
        int n = 1;
        while (2 / CombinatoricsUtils.binomialCoefficientDouble(2 * n, n) > alpha) {
            n++;
        }
        return n;
    }

    public int minimumSamples() {
        return minimumSamples;
    }

    /** Throughput at one worker count, current against baseline. */
    public Decision throughput(double[] baseline, double[] current, double threshold) {
        LogShift shift = LogShift.between(baseline, current, confidence);
        double nRef = harmonicMean(baseline.length, current.length);
        int smallest = Math.min(baseline.length, current.length);
        if (smallest < minimumSamples) {
            return tooFew(shift, smallest, nRef, threshold);
        }
        double p = rankTest.mannWhitneyUTest(baseline, current);
        return decide(shift, p < alpha, p, threshold, nRef);
    }

    /** Speedup at one worker count: the current run's speedup against the baseline's. */
    public Decision speedup(SpeedupSamples baseline, SpeedupSamples current, double threshold) {
        LogShift change = speedupShift(current).minus(speedupShift(baseline), confidence);
        double nRef = harmonicMean(
                baseline.oneWorker().length, baseline.workers().length, current.oneWorker().length, current.workers().length);
        int smallest = Math.min(baseline.smallest(), current.smallest());
        if (smallest < minimumSamples) {
            return tooFew(change, smallest, nRef, threshold);
        }
        return decide(change, change.excludesZero(), null, threshold, nRef);
    }

    /** One run's speedup (the Hodges–Lehmann ratio of W-worker to one-worker throughput) with its interval. */
    public Interval speedup(SpeedupSamples samples) {
        return speedupShift(samples).ratio();
    }

    private LogShift speedupShift(SpeedupSamples samples) {
        return LogShift.between(samples.oneWorker(), samples.workers(), confidence);
    }

    private Decision decide(LogShift shift, boolean significant, Double p, double threshold, double nRef) {
        double change = Math.expm1(shift.estimate());
        String evidence = p != null ? Text.pValue(p) : Format.percent(confidence) + " interval " + range(shift);
        boolean beyond = Math.abs(change) >= threshold;
        if (beyond && significant) {
            return decision(shift, change < 0 ? Verdict.REGRESSION : Verdict.IMPROVED, p, null,
                    Text.change(change) + ", beyond the " + Format.percent(threshold) + " threshold and significant (" + evidence + ")");
        }
        if (beyond) {
            int needed = samplesToDetect(Math.abs(shift.estimate()), shift.standardError(), nRef);
            return decision(shift, Verdict.INCONCLUSIVE, p, needed,
                    Text.change(change) + " but not distinguishable from noise (" + evidence + "); about "
                            + needed + " samples per side would decide");
        }
        int needed = samplesForPromise(shift, threshold, nRef);
        if (needed > nRef) {
            return decision(shift, Verdict.INCONCLUSIVE, p, needed,
                    Text.change(change) + " but too noisy to promise catching a " + Format.percent(PROMISED_MULTIPLE * threshold)
                            + " change (" + Format.percent(confidence) + " interval " + range(shift) + "); about " + needed
                            + " samples per side would be enough");
        }
        return decision(shift, Verdict.UNCHANGED, p, null, significant
                ? Text.change(change) + ", significant but within the " + Format.percent(threshold) + " threshold (" + evidence + ")"
                : Text.change(change) + ", within noise (" + evidence + ")");
    }

    private Decision tooFew(LogShift shift, int smallest, double nRef, double threshold) {
        int needed = smallest >= 2 && shift.standardError() > 0 ? samplesForPromise(shift, threshold, nRef) : minimumSamples;
        return decision(shift, Verdict.INCONCLUSIVE, null, needed,
                "too few samples (" + smallest + " per side); at " + Format.percent(confidence) + " confidence about "
                        + needed + " per side are needed");
    }

    private static Decision decision(LogShift shift, Verdict verdict, Double p, Integer needed, String reason) {
        return new Decision(verdict, Math.expm1(shift.estimate()), Math.expm1(shift.low()), Math.expm1(shift.high()),
                p, needed, reason);
    }

    /** Samples per side with which a change of {@link #PROMISED_MULTIPLE} thresholds would be caught. */
    private int samplesForPromise(LogShift shift, double threshold, double nRef) {
        return samplesToDetect(Math.log1p(PROMISED_MULTIPLE * threshold), shift.standardError(), nRef);
    }

    /**
     * About how many samples per side detect a change of logChange with {@link #ADVICE_POWER}
     * power, scaling the standard error observed with nRef samples per side by 1/sqrt(n).
     */
    private int samplesToDetect(double logChange, double standardError, double nRef) {
        double zSum = z + LogShift.STANDARD_NORMAL.inverseCumulativeProbability(ADVICE_POWER);
        double needed = nRef * Math.pow(zSum * standardError / logChange, 2);
        return (int) Math.max(minimumSamples, Math.ceil(needed));
    }

    private static String range(LogShift shift) {
        return Text.change(Math.expm1(shift.low())) + " to " + Text.change(Math.expm1(shift.high()));
    }

    private static double harmonicMean(int... sizes) {
        double sum = 0;
        for (int n : sizes) {
            sum += 1.0 / n;
        }
        return sizes.length / sum;
    }
}
