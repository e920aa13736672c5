package io.parbench.change;

import io.parbench.results.ConfigurationResult;
import io.parbench.statistics.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's speedup S(W) = T(W) / T(1) of a series, on the log scale, from its forks (each fork's
 * value the median of its iterations, {@link ForkValues}).
 *
 * <p>Where the results record that both worker counts were measured in the same forks (a curve
 * per page or JVM), the speedup is <em>paired</em>: one log-ratio per fork, in which the fork's
 * own level (2-20% between fresh processes) cancels; the estimate is their mean and its spread is
 * theirs, over forks. Otherwise (a fork per configuration, documents of version 1) the two worker
 * counts are independent groups of forks and the estimate is the difference of their mean logs.
 * Forks measured at only one of the two worker counts are left out of a paired speedup.
 *
 * @param plus groups of log fork values added: the log-ratios (paired), or log T(W) (independent)
 * @param minus groups subtracted: none (paired), or log T(1)
 */
public record SpeedupForks(List<double[]> plus, List<double[]> minus, boolean paired) {

    /** S(W) and its interval. */
    public record Estimate(double estimate, double low, double high) {}

    /** The forks of the one-worker and the W-worker configurations of one series in one run. */
    public static SpeedupForks of(ConfigurationResult oneWorker, ConfigurationResult atWorkers) {
        return of(List.of(oneWorker), List.of(atWorkers));
    }

    /** As {@link #of(ConfigurationResult, ConfigurationResult)}, each worker count's forks pooled over several results. */
    public static SpeedupForks of(List<ConfigurationResult> oneWorker, List<ConfigurationResult> atWorkers) {
        Map<Integer, Double> one = logForkValues(oneWorker);
        Map<Integer, Double> w = logForkValues(atWorkers);
        List<Double> ratios = new ArrayList<>();
        if (one != null && w != null) {
            one.forEach((fork, logOne) -> {
                Double logW = w.get(fork);
                if (logW != null) {
                    ratios.add(logW - logOne);
                }
            });
        }
        if (!ratios.isEmpty()) {
            return new SpeedupForks(List.of(array(ratios)), List.of(), true);
        }
        return independent(samples(oneWorker), samples(atWorkers));
    }

    /** From forks not paired: each worker count's forks (their iterations) an independent group. */
    public static SpeedupForks independent(List<List<Double>> oneWorkerForks, List<List<Double>> atWorkersForks) {
        return new SpeedupForks(List.of(logs(atWorkersForks)), List.of(logs(oneWorkerForks)), false);
    }

    /** The replicates the speedup rests on: paired forks, or the fewer forks of the two worker counts. */
    public int forks() {
        return groups().stream().mapToInt(g -> g.length).min().orElse(0);
    }

    /** ln S(W): the plus groups' mean logs minus the minus groups'. */
    public double logEstimate() {
        return plus.stream().mapToDouble(SpeedupForks::mean).sum() - minus.stream().mapToDouble(SpeedupForks::mean).sum();
    }

    /** Whether the forks show a spread: 2 or more in every group (one process cannot show how much the next differs). */
    public boolean spread() {
        return forks() >= 2;
    }

    /** Its standard error and degrees of freedom from the forks' spread; null without one ({@link #spread}). */
    public LogChange change() {
        return spread() ? LogChange.independent(plus, minus) : null;
    }

    /**
     * S(W) with its two-sided Student t interval at {@code confidence} over forks; low = high = the
     * estimate with fewer than 2 forks in a group (one process cannot show how much the next differs).
     */
    public Estimate interval(double confidence) {
        double estimate = Math.exp(logEstimate());
        LogChange change = change();
        if (change == null || !Double.isFinite(change.standardError())) {
            return new Estimate(estimate, estimate, estimate);
        }
        double half = Statistics.tQuantile(change.degreesOfFreedom(), 0.5 + confidence / 2) * change.standardError();
        return new Estimate(estimate, Math.exp(change.estimate() - half), Math.exp(change.estimate() + half));
    }

    public List<double[]> groups() {
        List<double[]> all = new ArrayList<>(plus);
        all.addAll(minus);
        return all;
    }

    /** Each recorded fork's log value, by fork; null when some fork is not recorded (nothing to pair). */
    private static Map<Integer, Double> logForkValues(List<ConfigurationResult> results) {
        Map<Integer, Double> byFork = new LinkedHashMap<>();
        for (ConfigurationResult r : results) {
            if (r.sources().size() != r.samples().size()) {
                return null;
            }
            for (int i = 0; i < r.samples().size(); i++) {
                if (!r.samples().get(i).isEmpty() && byFork.put(r.forkOf(i), Math.log(ForkValues.of(r.samples().get(i)))) != null) {
                    return null; // a fork listed twice: its samples cannot be told apart
                }
            }
        }
        return byFork;
    }

    private static List<List<Double>> samples(List<ConfigurationResult> results) {
        return results.stream().flatMap(r -> r.samples().stream()).toList();
    }

    private static double[] logs(List<List<Double>> forks) {
        return forks.stream().filter(f -> !f.isEmpty()).mapToDouble(f -> Math.log(ForkValues.of(f))).toArray();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
