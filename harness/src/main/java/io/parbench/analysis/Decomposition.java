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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decomposes a speedup from the accounting of its forks ({@link PointAccounting}), pure.
 *
 * <p>The model: per step, t(1) and t(W) are the accounted blocks' wall time over their steps. Each
 * worker taking part is busy, searching or asleep for the whole wall time (the pool's identity), so
 * W·t(W) − t(1) = Δ busy + Δ searching + Δ asleep, each summed over the workers, per step, W less 1.
 * Divided by t(W) this is W − S, split into:
 * <ul>
 *   <li>machine: Δ run-queue wait of the worker threads (Linux's schedstat), taken out of the states
 *       in which a thread is runnable (busy, searching, and the wake-up latency within asleep: a woken
 *       thread waits in the run queue), in proportion to their times;
 *   <li>idle workers: Δ (asleep − wake-up latency + searching in vain), waiting for work;
 *   <li>runtime: Δ (searching that stole + wake-up latency), less their share of the run-queue wait;
 *   <li>slower work: Δ busy, less its share of the run-queue wait.
 * </ul>
 * Searching is split by the outcome of the worker's passes over the deques, in proportion to their
 * counts: the passes that found nothing (spinning and yielding before a sleep: the pool counts them
 * as failed steals) are waiting for work, the ones that stole the runtime's. The run-queue wait is
 * allocated per worker where the thread names tell the workers apart (the C
 * pool natively: {@code io.parbench.jmh} is worker 0, {@code pb-worker-N} worker N; a thread of a
 * worker not taking part is left out), else over the workers' sums. A thread cannot wait longer
 * than it was runnable: a wait above that (a block's edges are estimated from 50 ms polls) is
 * taken out of asleep.
 *
 * <p>Busy-only sources: forkjoin keeps each worker's CPU time, and schedstat gives the run-queue
 * wait, so a worker's wall time is CPU + run-queue wait + blocked (parked: an idle worker): busy
 * (work and runtime, which its counters do not tell apart) = Δ CPU, machine = Δ run-queue wait,
 * idle workers = Δ (wall − CPU − run-queue wait). A byo adapter's busy time is wall time: the
 * run-queue wait is allocated over busy and the rest of the workers' wall time in proportion, and
 * the rest (idle or searching, which it does not tell apart) stays not attributed. Without the
 * machine's part, what the source does not split stays not attributed. A region's fixed cost is
 * not split out: it is part of worker 0's busy time at both W, so only its growth with W shows, as
 * slower work.
 */
public final class Decomposition {

    /** The pool source whose busy time is CPU time (ThreadMXBean), not wall time. */
    private static final String CPU_TIME_SOURCE = "forkjoin";
    /** The C pool's helper threads, natively (bench-wasm/src/main/c/native/platform_native.c). */
    private static final Pattern POOL_HELPER = Pattern.compile("pb-worker-(\\d+)");
    /** The JMH thread that steps the native kernel, as /proc cuts its name. */
    private static final String JMH_THREAD = "io.parbench.jmh";

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
        Double machine = difference(one, many, Times::machineNs, tW);
        Double idle = difference(one, many, Times::idleNs, tW);
        Double runtime = difference(one, many, Times::runtimeNs, tW);
        Double slower = difference(one, many, Times::workNs, tW);
        Double busy = difference(one, many, Times::workAndRuntimeNs, tW);
        double attributed = value(machine) + value(idle) + value(runtime) + value(slower) + value(busy);
        double notAttributed = workers - accounted - attributed;
        return new SpeedupDecomposition(workers, many.source, 1, true, accounted, machine, idle, runtime, slower, busy,
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
                average(forks, SpeedupDecomposition::workAndRuntime), average(forks, SpeedupDecomposition::notAttributed), measuredSpeedup,
                measuredSpeedup == null ? null : measuredSpeedup - accounted);
    }

    private static SpeedupDecomposition unpaired(SpeedupDecomposition d, int forks) {
        return new SpeedupDecomposition(d.workers(), d.source(), forks, false, d.accountedSpeedup(), d.machine(), d.idleWorkers(),
                d.runtime(), d.slowerWork(), d.workAndRuntime(), d.notAttributed(), d.measuredSpeedup(), d.residual());
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


    /**
     * Accounted nanoseconds, summed over the workers, already split into the model's parts (null:
     * the source does not keep it for every worker, or there is no machine part).
     */
    record Times(String source, long wallNs, long steps, Double machineNs, Double idleNs, Double runtimeNs, Double workNs,
            Double workAndRuntimeNs) {

        static Times of(PointAccounting a) {
            PoolAccounting pool = a.pool();
            List<PoolAccounting.WorkerTimes> workers = pool == null ? List.of() : pool.workers();
            String source = pool == null ? null : pool.source();
            List<MachineAccounting.ThreadTimes> threads = a.machine() == null ? List.of() : a.machine().threads();
            Double runQueue = threads.isEmpty() ? null : (double) threads.stream().mapToLong(MachineAccounting.ThreadTimes::runQueueNs).sum();
            Double busy = total(workers, PoolAccounting.WorkerTimes::busyNs);
            if (CPU_TIME_SOURCE.equals(source)) {
                Double idle = busy == null || runQueue == null ? null : (double) workers.size() * a.wallNs() - busy - runQueue;
                return new Times(source, a.wallNs(), a.steps(), runQueue, idle, null, null, busy);
            }
            Double searching = total(workers, PoolAccounting.WorkerTimes::searchingNs);
            Double asleep = total(workers, PoolAccounting.WorkerTimes::asleepNs);
            if (busy == null) {
                return new Times(source, a.wallNs(), a.steps(), runQueue, null, null, null, null);
            }
            if (searching == null || asleep == null) {
                // Busy time only (a byo adapter's, wall time): the rest of the workers' wall time is unsplit.
                double rest = Math.max(0, (double) workers.size() * a.wallNs() - busy);
                States waited = runQueue == null ? States.NONE : new States(busy, rest, 0, 0, 0).share(runQueue);
                return new Times(source, a.wallNs(), a.steps(), runQueue == null ? null : waited.total(), null, null,
                        busy - waited.busy, null);
            }
            States all = States.NONE;
            for (PoolAccounting.WorkerTimes w : workers) {
                all = all.plus(States.of(w));
            }
            States waited = runQueueByState(workers, threads);
            return new Times(source, a.wallNs(), a.steps(), runQueue == null ? null : waited.total(),
                    all.minus(waited).waitingForWork(), all.minus(waited).runtime(), all.busy - waited.busy, null);
        }

        /**
         * The worker threads' run-queue wait, split over the states in which a thread is runnable: per
         * worker where each thread's name gives its worker, else over the workers' sums.
         */
        private static States runQueueByState(List<PoolAccounting.WorkerTimes> workers, List<MachineAccounting.ThreadTimes> threads) {
            if (threads.isEmpty()) {
                return States.NONE;
            }
            States all = States.NONE;
            Map<Integer, Long> byWorker = runQueueByWorker(threads);
            if (byWorker != null) {
                for (int w = 0; w < workers.size(); w++) {
                    all = all.plus(States.of(workers.get(w)).share(byWorker.getOrDefault(w, 0L)));
                }
                return all;
            }
            for (PoolAccounting.WorkerTimes w : workers) {
                all = all.plus(States.of(w));
            }
            return all.share(threads.stream().mapToLong(MachineAccounting.ThreadTimes::runQueueNs).sum());
        }

        /** Each worker's thread's run-queue wait, or null when some thread's name does not say which worker it is. */
        private static Map<Integer, Long> runQueueByWorker(List<MachineAccounting.ThreadTimes> threads) {
            Map<Integer, Long> byWorker = new LinkedHashMap<>();
            for (MachineAccounting.ThreadTimes t : threads) {
                Integer worker = workerOf(t.name());
                if (worker == null || byWorker.putIfAbsent(worker, t.runQueueNs()) != null) {
                    return null;
                }
            }
            return byWorker;
        }

        /** The C pool's native threads: the JMH thread steps (worker 0), the helpers name themselves pb-worker-N. */
        private static Integer workerOf(String threadName) {
            Matcher helper = POOL_HELPER.matcher(threadName);
            return helper.matches() ? Integer.valueOf(helper.group(1)) : threadName.startsWith(JMH_THREAD) ? 0 : null;
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
            return new Times(source, wallNs + other.wallNs, steps + other.steps, Decomposition.plus(machineNs, other.machineNs),
                    Decomposition.plus(idleNs, other.idleNs), Decomposition.plus(runtimeNs, other.runtimeNs),
                    Decomposition.plus(workNs, other.workNs), Decomposition.plus(workAndRuntimeNs, other.workAndRuntimeNs));
        }
    }

    /**
     * A worker's times by state: those in which its thread may wait for a CPU (busy, searching, the
     * wake-up latency) and asleep beyond the latency. Searching is split by the outcome of its
     * passes over the deques, in proportion to their counts: a pass that stole is the runtime's, one
     * that found nothing (spinning, yielding before a sleep) is waiting for work, an idle worker's.
     */
    private record States(double busy, double searchingToSteal, double searchingInVain, double wake, double asleep) {

        static final States NONE = new States(0, 0, 0, 0, 0);

        static States of(PoolAccounting.WorkerTimes w) {
            double wake = value(w.wakeLatencyNs()); // none counted: it woke no one
            double searching = value(w.searchingNs());
            double passes = value(w.steals()) + value(w.failedSteals());
            double inVain = passes > 0 ? searching * value(w.failedSteals()) / passes : 0;
            return new States(value(w.busyNs()), searching - inVain, inVain, wake, Math.max(0, value(w.asleepNs()) - wake));
        }

        private static double value(Long n) {
            return n == null ? 0 : n;
        }

        /** A run-queue wait split over the runnable states in proportion to their times; any excess in asleep. */
        States share(double runQueue) {
            double runnable = busy + searchingToSteal + searchingInVain + wake;
            if (runnable <= 0) {
                return new States(0, 0, 0, 0, runQueue);
            }
            double scale = Math.min(runQueue, runnable) / runnable;
            return new States(busy * scale, searchingToSteal * scale, searchingInVain * scale, wake * scale,
                    Math.max(0, runQueue - runnable));
        }

        States plus(States o) {
            return new States(busy + o.busy, searchingToSteal + o.searchingToSteal, searchingInVain + o.searchingInVain, wake + o.wake,
                    asleep + o.asleep);
        }

        States minus(States o) {
            return new States(busy - o.busy, searchingToSteal - o.searchingToSteal, searchingInVain - o.searchingInVain, wake - o.wake,
                    asleep - o.asleep);
        }

        /** Asleep (less the wake-up latency) and searching in vain. */
        double waitingForWork() {
            return asleep + searchingInVain;
        }

        /** Searching that stole, and waking up. */
        double runtime() {
            return searchingToSteal + wake;
        }

        double total() {
            return busy + searchingToSteal + searchingInVain + wake + asleep;
        }
    }
}
