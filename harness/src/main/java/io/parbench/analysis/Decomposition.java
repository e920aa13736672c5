package io.parbench.analysis;

import io.parbench.results.ConfigurationResult;
import io.parbench.results.MachineAccounting;
import io.parbench.results.PointAccounting;
import io.parbench.results.PoolAccounting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decomposes a speedup from the accounting of its forks ({@link PointAccounting}), pure.
 *
 * <p>The model: per step, t(1) and t(W) are the accounted blocks' wall time over their steps. Each
 * worker taking part is busy, searching or asleep for the whole wall time (the pool's identity), so
 * W·t(W) − t(1) = Δ busy + Δ searching + Δ asleep, each summed over the workers, per step, W less 1.
 * Divided by t(W) this is W − S, split into:
 * <ul>
 *   <li>machine: Δ run-queue wait of the worker threads (Linux's schedstat);
 *   <li>idle workers: Δ (asleep − wake-up latency);
 *   <li>runtime: Δ (searching + wake-up latency);
 *   <li>slower work: Δ busy, less the machine's part where the source's busy time is wall time (a
 *       thread waiting for a CPU in a task is busy by the pool's clock, but not by its CPU time).
 * </ul>
 * What the source does not keep (forkjoin and byo adapters: busy time only; remote browsers: no
 * machine) stays in "not attributed". A region's fixed cost is not split out: it is part of worker
 * 0's busy time at both W, so only its growth with W shows, as slower work.
 */
public final class Decomposition {

    /** The pool source whose busy time is CPU time (ThreadMXBean), not wall time. */
    private static final String CPU_TIME_SOURCE = "forkjoin";

    private Decomposition() {}

    /**
     * @param oneWorker the W = 1 results (pooled point)
     * @param atWorkers the results at W
     * @param measuredSpeedup S from the samples, null without one
     * @return null when the two worker counts have no accounting to compare
     */
    public static SpeedupDecomposition of(
            List<ConfigurationResult> oneWorker, List<ConfigurationResult> atWorkers, int workers, Double measuredSpeedup) {
        Map<Integer, Times> one = byFork(oneWorker);
        Map<Integer, Times> many = byFork(atWorkers);
        if (one.isEmpty() || many.isEmpty()) {
            return null;
        }
        List<SpeedupDecomposition> pairs = new ArrayList<>();
        if (forksRecorded(oneWorker) && forksRecorded(atWorkers)) {
            one.forEach((fork, t1) -> {
                Times tW = many.get(fork);
                if (tW != null) {
                    pairs.add(of(t1, tW, workers, measuredSpeedup));
                }
            });
        }
        if (!pairs.isEmpty()) {
            return mean(pairs, measuredSpeedup);
        }
        return unpaired(of(sum(one.values()), sum(many.values()), workers, measuredSpeedup), Math.min(one.size(), many.size()));
    }

    /** The decomposition of one pair of accounted times (a fork's, or each worker count's forks summed). */
    static SpeedupDecomposition of(Times one, Times many, int workers, Double measuredSpeedup) {
        double t1 = one.perStep(one.wallNs);
        double tW = many.perStep(many.wallNs);
        double accounted = t1 / tW;
        Double machine = difference(one, many, Times::runQueueNs, tW);
        Double busy = difference(one, many, Times::busyNs, tW);
        Double slower = busy == null ? null
                : busy - (machine != null && !CPU_TIME_SOURCE.equals(many.source) ? machine : 0);
        Double idle = difference(one, many, t -> minus(t.asleepNs, t.wakeLatencyNs), tW);
        Double runtime = difference(one, many, t -> plus(t.searchingNs, t.wakeLatencyNs), tW);
        double attributed = value(machine) + value(slower) + value(idle) + value(runtime);
        double notAttributed = workers - accounted - attributed;
        return new SpeedupDecomposition(workers, many.source, 1, true, accounted, machine, idle, runtime, slower,
                Math.abs(notAttributed) < 1e-9 ? 0 : notAttributed, measuredSpeedup,
                measuredSpeedup == null ? null : measuredSpeedup - accounted);
    }

    /** Paired forks' decompositions, each part averaged (so the parts still add up). */
    private static SpeedupDecomposition mean(List<SpeedupDecomposition> forks, Double measuredSpeedup) {
        SpeedupDecomposition first = forks.getFirst();
        double accounted = average(forks, SpeedupDecomposition::accountedSpeedup);
        return new SpeedupDecomposition(first.workers(), first.source(), forks.size(), true, accounted,
                average(forks, SpeedupDecomposition::machine), average(forks, SpeedupDecomposition::idleWorkers),
                average(forks, SpeedupDecomposition::runtime), average(forks, SpeedupDecomposition::slowerWork),
                average(forks, SpeedupDecomposition::notAttributed), measuredSpeedup,
                measuredSpeedup == null ? null : measuredSpeedup - accounted);
    }

    private static SpeedupDecomposition unpaired(SpeedupDecomposition d, int forks) {
        return new SpeedupDecomposition(d.workers(), d.source(), forks, false, d.accountedSpeedup(), d.machine(), d.idleWorkers(),
                d.runtime(), d.slowerWork(), d.notAttributed(), d.measuredSpeedup(), d.residual());
    }

    /** The mean of a part over forks; null when some fork lacks it. */
    private static Double average(List<SpeedupDecomposition> forks, Function<SpeedupDecomposition, Double> part) {
        double sum = 0;
        for (SpeedupDecomposition fork : forks) {
            Double value = part.apply(fork);
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum / forks.size();
    }

    /** (per step at W − per step at 1) / t(W), or null when either lacks the field. */
    private static Double difference(Times one, Times many, Function<Times, Double> field, double tW) {
        Double a = field.apply(one);
        Double b = field.apply(many);
        return a == null || b == null ? null : (many.perStep(b) - one.perStep(a)) / tW;
    }

    /** Whether the results name each list's fork (documents of version 1 do not: nothing to pair). */
    private static boolean forksRecorded(List<ConfigurationResult> results) {
        return results.stream().allMatch(r -> r.sources().size() == r.samples().size());
    }

    /** Each fork's accounting, summed over the results (a pooled point); a fork without any is left out. */
    private static Map<Integer, Times> byFork(List<ConfigurationResult> results) {
        Map<Integer, Times> byFork = new LinkedHashMap<>();
        for (ConfigurationResult r : results) {
            for (int i = 0; i < r.accounting().size(); i++) {
                PointAccounting a = r.accounting().get(i);
                if (a != null && a.steps() > 0 && a.wallNs() > 0) {
                    byFork.merge(r.forkOf(i), Times.of(a), Times::plus);
                }
            }
        }
        return byFork;
    }

    private static Times sum(Iterable<Times> times) {
        Times total = null;
        for (Times t : times) {
            total = total == null ? t : total.plus(t);
        }
        return total;
    }

    private static double value(Double part) {
        return part == null ? 0 : part;
    }

    private static Double plus(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    /**
     * Accounted nanoseconds, each summed over the workers (or the threads); a field is null when the
     * source does not keep it for every worker. A missing wake-up latency counts as none when the
     * source keeps sleeps (it wakes no one it did not count).
     */
    record Times(String source, long wallNs, long steps, Double busyNs, Double searchingNs, Double asleepNs, Double wakeLatencyNs,
            Double runQueueNs) {

        static Times of(PointAccounting a) {
            PoolAccounting pool = a.pool();
            List<PoolAccounting.WorkerTimes> workers = pool == null ? List.of() : pool.workers();
            MachineAccounting machine = a.machine();
            Double runQueue = machine == null || machine.threads().isEmpty() ? null
                    : (double) machine.threads().stream().mapToLong(MachineAccounting.ThreadTimes::runQueueNs).sum();
            Double asleep = total(workers, PoolAccounting.WorkerTimes::asleepNs);
            Double wake = total(workers, PoolAccounting.WorkerTimes::wakeLatencyNs);
            return new Times(pool == null ? null : pool.source(), a.wallNs(), a.steps(), total(workers, PoolAccounting.WorkerTimes::busyNs),
                    total(workers, PoolAccounting.WorkerTimes::searchingNs), asleep, wake == null && asleep != null ? Double.valueOf(0) : wake, runQueue);
        }

        private static Double total(List<PoolAccounting.WorkerTimes> workers, Function<PoolAccounting.WorkerTimes, Long> field) {
            if (workers.isEmpty()) {
                return null;
            }
            double sum = 0;
            for (PoolAccounting.WorkerTimes w : workers) {
                Long value = field.apply(w);
                if (value == null) {
                    return null;
                }
                sum += value;
            }
            return sum;
        }

        double perStep(double ns) {
            return ns / steps;
        }

        Times plus(Times other) {
            return new Times(source, wallNs + other.wallNs, steps + other.steps, Decomposition.plus(busyNs, other.busyNs),
                    Decomposition.plus(searchingNs, other.searchingNs), Decomposition.plus(asleepNs, other.asleepNs),
                    Decomposition.plus(wakeLatencyNs, other.wakeLatencyNs), Decomposition.plus(runQueueNs, other.runQueueNs));
        }
    }
}
