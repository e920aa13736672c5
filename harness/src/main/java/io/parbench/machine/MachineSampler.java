package io.parbench.machine;

import io.parbench.results.MachineAccounting;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the machine gave a fork's worker threads: a daemon thread that samples the scheduler
 * statistics of the threads of a {@link ProcessTree} whose names are {@link WorkerThreads}' every
 * {@link #POLL}, and answers for any window of time (epoch ns) how long each of them ran and
 * waited for a CPU.
 *
 * <p>How an engine uses it, for one fork:
 * <pre>{@code
 * try (MachineSampler machine = MachineSampler.start(ProcessTree.jmhForks(), WorkerThreads.NATIVE)) {
 *     // a local browser: MachineSampler.start(ProcessTree.browser(id, driver::browserProcess), WorkerThreads.of(id).orElseThrow())
 *     ... run the fork; for each timed block, from its start and end in epoch ns:
 *     MachineAccounting given = machine.between(blockStartEpochNs, blockEndEpochNs);
 * }
 * }</pre>
 * One sampler per fork: it keeps every sample until closed (about 2.4 kB a second per running
 * thread; a sleeping thread's run of equal samples is kept as two). The windows' instants are
 * epoch ns of this machine's clock (a JMH fork's {@code Instant.now()}; a page's
 * {@code performance.timeOrigin + performance.now()}: how closely it follows this clock is not
 * checked yet). A browser on another machine gets {@link #unavailable(String)} instead. Where
 * Linux keeps no such statistics (another system, no /proc, a kernel without CONFIG_SCHED_INFO) the sampler
 * starts no thread and every answer says so in {@link MachineAccounting#unavailable()}.
 *
 * <p>Cost: each poll re-reads one open /proc file per worker thread (a single system call); the
 * process tree and its thread names are looked at again every {@link #RESCAN} while threads and
 * processes appear, and less often once it stays as it was, up to every {@link #SETTLED_RESCAN} (in
 * a page: every 200 ms for the 1-2 s it takes to start, then up to every second while it measures).
 * A thread that appears mid-window is counted from its birth, however late it is found, one that
 * ends, up to its last sample (at most one poll of its time is missed). Measured: about 5% of one
 * CPU for 40 threads polled every 10 ms, on a 2-core machine at load 6-20
 * (MachineSamplerTest.reportsItsOwnCost); a read costs 2 µs in a tight loop, so most of it is
 * waking up with cold caches. Each poll also reads the first line of /proc/stat and each of the
 * tree's processes' /proc/<pid>/stat (who used the CPUs), kept open like the threads' files. It
 * runs beside the workers it measures, so it polls every 50 ms (about 1%; 2.4-3.3% for 40 threads
 * here, December 5; 1.7% since the rescans slow down): a 100 ms block is measured by the polls
 * inside it, and its edges are charged at that rate ({@link ThreadSeries#between}), not at its
 * neighbours'. What it costs shows at W = 2 on 2 cores: beside a Chromium page it takes ~2.7% of
 * one CPU, and S(2) came out ~1% lower than without it (3.8% and 1.3% lower while it read its
 * files whole and rescanned every 200 ms; the experiment is in the README).
 */
public final class MachineSampler implements AutoCloseable {

    public static final Duration POLL = Duration.ofMillis(50);
    static final Duration RESCAN = Duration.ofMillis(200);
    /** The longest gap between rescans, reached by doubling after each rescan that found the tree as it was. */
    static final Duration SETTLED_RESCAN = Duration.ofSeconds(1);
    /** A thread younger than this may still be renaming itself: its name is read again at the next rescan. */
    private static final long NAME_SETTLES_NS = Duration.ofSeconds(1).toNanos();

    private final ProcessTree tree;
    private final WorkerThreads workers;
    private final String unavailable;
    private final long bootEpochNs;
    private final long startedEpochNs;
    private final Thread thread;

    /** Worker threads being sampled, by pid/tid; those that ended move to {@link #ended}. Guarded by this. */
    private final Map<TaskId, Sampled> sampled = new HashMap<>();
    private final List<Sampled> ended = new ArrayList<>();
    /**
     * Who used the CPUs: the machine's busy time (its CPU time) and the tree's processes' (their CPU
     * time), cumulative at each poll; the run-queue halves of these series stay 0. Guarded by this.
     */
    private final ThreadSeries machineBusy = new ThreadSeries();
    private final ThreadSeries treeBusy = new ThreadSeries();
    /** The tree's processes by pid. Guarded by this. */
    private final Map<Long, TreeProcess> treeProcesses = new HashMap<>();
    private long treeCpuNs;
    /** /proc/stat, open while sampling (null where it cannot be read). */
    private final ProcFiles.OpenFile machineStat;
    private final int onlineCpus;
    /** Threads whose names are not workers', with their birth: skipped once their name settled. Guarded by this. */
    private Map<TaskId, Long> others = new HashMap<>();
    private long lastPollEpochNs;
    private long nextRescanEpochNs;
    private long rescanGapNs = RESCAN.toNanos();
    private long stoppedEpochNs = Long.MAX_VALUE;

    private record TaskId(long pid, long tid) {}

    /** A worker thread: its name (as last read), its open schedstat and its samples. */
    private record Sampled(String name, ProcFiles.SchedStatFile file, ThreadSeries series) {}

    /** A process of the tree: its open stat, and the CPU time it had at the last poll (null: it joined the tree since). */
    private static final class TreeProcess {
        final ProcFiles.ProcessStatFile stat;
        Long cpuNs;

        TreeProcess(ProcFiles.ProcessStatFile stat) {
            this.stat = stat;
        }
    }

    private MachineSampler(ProcessTree tree, WorkerThreads workers, String unavailable, long bootEpochNs) {
        this.tree = tree;
        this.workers = workers;
        this.unavailable = unavailable;
        this.bootEpochNs = bootEpochNs;
        this.startedEpochNs = ProcFiles.nowEpochNs();
        this.onlineCpus = unavailable == null ? ProcStat.onlineCpus() : 0;
        this.machineStat = unavailable == null ? ProcStat.open() : null;
        this.thread = unavailable == null ? Thread.ofPlatform().daemon().name("parbench-machine-sampler").unstarted(this::run) : null;
    }

    /**
     * Starts sampling the worker threads of {@code tree}: those named as {@code workers} says.
     * Answers with {@code unavailable} set where this machine keeps no per-thread statistics.
     */
    public static MachineSampler start(ProcessTree tree, WorkerThreads workers) {
        String missing = missingStatistics();
        long boot = 0;
        if (missing == null) {
            try {
                boot = ProcFiles.bootEpochNs();
            } catch (IOException | RuntimeException e) {
                missing = "this machine's /proc/uptime could not be read (" + e.getMessage() + "), so thread start times are unknown";
            }
        }
        MachineSampler sampler = new MachineSampler(tree, workers, missing, boot);
        if (sampler.thread != null) {
            synchronized (sampler) {
                sampler.poll(); // the threads there are now, before anything is timed
            }
            sampler.thread.start();
        }
        return sampler;
    }

    /** A sampler for threads parbench cannot see, e.g. a remote browser's: every answer gives {@code why}. */
    public static MachineSampler unavailable(String why) {
        return new MachineSampler(null, null, why, 0);
    }

    /**
     * What each worker thread got from {@code startEpochNs} to {@code endEpochNs}: CPU time and
     * run-queue wait, from the samples in the window ({@link ThreadSeries#between}). Threads that
     * neither ran nor waited then (e.g. the parked workers of another worker count's pool) are left
     * out. A window that ends after the last poll is sampled now first.
     */
    public synchronized MachineAccounting between(long startEpochNs, long endEpochNs) {
        if (endEpochNs < startEpochNs) {
            throw new IllegalArgumentException("a window cannot end (" + endEpochNs + " ns) before it starts (" + startEpochNs + " ns)");
        }
        if (unavailable != null) {
            return new MachineAccounting(List.of(), unavailable);
        }
        if (startEpochNs < startedEpochNs) {
            return new MachineAccounting(List.of(), "the window began before its worker threads were sampled");
        }
        if (endEpochNs > stoppedEpochNs) {
            return new MachineAccounting(List.of(), "the window ended after its worker threads were no longer sampled");
        }
        if (endEpochNs > lastPollEpochNs && stoppedEpochNs == Long.MAX_VALUE) {
            poll();
        }
        List<Sampled> all = new ArrayList<>(ended);
        all.addAll(sampled.values());
        all.sort((a, b) -> Long.compare(a.series().firstNs(), b.series().firstNs()));
        List<MachineAccounting.ThreadTimes> threads = new ArrayList<>();
        for (Sampled worker : all) {
            ThreadSeries.Times given = worker.series().between(startEpochNs, endEpochNs);
            if (given.cpuNs() > 0 || given.runQueueNs() > 0) {
                threads.add(new MachineAccounting.ThreadTimes(worker.name(), given.cpuNs(), given.runQueueNs()));
            }
        }
        MachineAccounting.OtherProcesses others = null;
        if (onlineCpus > 0 && !machineBusy.isEmpty()) {
            long busy = machineBusy.between(startEpochNs, endEpochNs).cpuNs();
            long own = treeBusy.between(startEpochNs, endEpochNs).cpuNs();
            others = new MachineAccounting.OtherProcesses(Math.max(0, busy - own), onlineCpus * (endEpochNs - startEpochNs));
        }
        if (threads.isEmpty()) {
            return new MachineAccounting(List.of(), others, "no thread named as " + workers.description() + " ran in " + tree.describe()
                    + " during the window");
        }
        return new MachineAccounting(threads, others, null);
    }

    /** Stops sampling; what was sampled can still be asked for. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (stoppedEpochNs == Long.MAX_VALUE) {
                poll();
                stoppedEpochNs = lastPollEpochNs;
            }
            sampled.values().forEach(worker -> worker.file().close());
            treeProcesses.values().forEach(process -> process.stat.close());
            if (machineStat != null) {
                machineStat.close();
            }
        }
    }

    /** How long until the tree is looked at again after the last look (tests: the rescans slow down once it is settled). */
    synchronized long rescanGapNs() {
        return rescanGapNs;
    }

    /** The CPU time the sampling thread used so far (its cost), or -1 where not measured. */
    long ownCpuNs() {
        return thread == null ? -1 : ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
    }

    private void run() {
        long pollNs = POLL.toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Duration.ofNanos(pollNs));
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                poll();
            }
        }
    }

    /** One sample of every worker thread; the tree is looked at again first when it is time. */
    private void poll() {
        long now = ProcFiles.nowEpochNs();
        if (now >= nextRescanEpochNs) {
            boolean settled = rescan(now);
            rescanGapNs = settled ? Math.min(2 * rescanGapNs, SETTLED_RESCAN.toNanos()) : RESCAN.toNanos();
            nextRescanEpochNs = now + rescanGapNs;
        }
        long[] times = new long[2];
        var iterator = sampled.values().iterator();
        while (iterator.hasNext()) {
            Sampled worker = iterator.next();
            long at = ProcFiles.nowEpochNs();
            // A thread that ended cannot be read; a smaller figure is another thread that got its id.
            if (!worker.file().read(times) || times[0] < worker.series().last().cpuNs()) {
                worker.file().close();
                ended.add(worker);
                iterator.remove();
            } else {
                worker.series().add(at, times[0], times[1]);
            }
        }
        sampleWhoUsedTheCpus();
        lastPollEpochNs = ProcFiles.nowEpochNs();
    }

    /**
     * One sample of the machine's busy time and of the tree's processes' CPU time. A process gone
     * since the last poll keeps what it had counted; one that joined the tree since counts all it
     * has used (it started since, at most a rescan ago, or it is the first poll's, the baseline).
     */
    private void sampleWhoUsedTheCpus() {
        ProcStat.Ticks ticks = ProcStat.read(machineStat);
        if (ticks == null) {
            return;
        }
        long busy = ticks.busyNs();
        boolean first = machineBusy.isEmpty();
        for (var processes = treeProcesses.values().iterator(); processes.hasNext(); ) {
            TreeProcess process = processes.next();
            long cpu = process.stat.cpuNs();
            if (cpu < 0) {
                process.stat.close(); // it ended
                processes.remove();
                continue;
            }
            if (!first) {
                treeCpuNs += process.cpuNs == null ? cpu : Math.max(0, cpu - process.cpuNs);
            }
            process.cpuNs = cpu;
        }
        long at = ProcFiles.nowEpochNs();
        machineBusy.add(at, busy, 0);
        treeBusy.add(at, treeCpuNs, 0);
    }

    /**
     * Finds the tree's worker threads not yet sampled. Returns whether the tree was as it was: no
     * process or thread new to it, none young enough to be renaming itself, no worker renamed.
     */
    private boolean rescan(long now) {
        Map<TaskId, Long> stillOthers = new HashMap<>();
        Set<TaskId> seen = new HashSet<>();
        boolean settled = true;
        List<Long> pids = tree.pids();
        for (long pid : pids) {
            if (!treeProcesses.containsKey(pid)) {
                settled = false;
                try {
                    treeProcesses.put(pid, new TreeProcess(new ProcFiles.ProcessStatFile(pid)));
                } catch (IOException e) {
                    // it ended meanwhile
                }
            }
        }
        for (long pid : pids) {
            String process = ProcFiles.name(pid, pid);
            if (process == null || !workers.runsWorkers(process)) {
                continue;
            }
            for (long tid : ProcFiles.threads(pid)) {
                TaskId id = new TaskId(pid, tid);
                seen.add(id);
                Sampled followed = sampled.get(id);
                if (followed != null) {
                    // A new thread has its creator's name until it renames itself (the C pool's helpers are born
                    // "io.parbench.jmh", a worker's name): the name it settles on is the one reported. Workers are
                    // few, so theirs is read at every rescan, not only while young as other threads' names are.
                    String name = ProcFiles.name(pid, tid);
                    settled &= now - followed.series().firstNs() > NAME_SETTLES_NS;
                    if (name != null && !name.equals(followed.name())) {
                        settled = false;
                        if (workers.matches(name)) {
                            sampled.put(id, new Sampled(name, followed.file(), followed.series()));
                        } else {
                            followed.file().close(); // no longer a worker's: looked at as a new thread at the next rescan
                            sampled.remove(id);
                        }
                    }
                    continue;
                }
                Long birth = others.get(id);
                if (birth != null && now - birth > NAME_SETTLES_NS) {
                    stillOthers.put(id, birth);
                    continue;
                }
                settled = false;
                long born = birth != null ? birth : ProcFiles.startEpochNs(pid, tid, bootEpochNs);
                String name = ProcFiles.name(pid, tid);
                if (name == null || born < 0) {
                    continue; // it ended meanwhile
                }
                if (workers.matches(name)) {
                    follow(id, name, born);
                } else {
                    stillOthers.put(id, born);
                }
            }
        }
        stillOthers.keySet().retainAll(seen);
        others = stillOthers;
        return settled;
    }

    private void follow(TaskId id, String name, long born) {
        ProcFiles.SchedStatFile file;
        try {
            file = new ProcFiles.SchedStatFile(ProcFiles.schedStat(id.pid(), id.tid()));
        } catch (IOException e) {
            return; // it ended meanwhile
        }
        ThreadSeries series = new ThreadSeries();
        long[] times = new long[2];
        long at = ProcFiles.nowEpochNs();
        if (!file.read(times)) {
            file.close();
            return;
        }
        // Born after sampling began: it had nothing before, so a window that began earlier counts all it got.
        if (born > startedEpochNs && born < at) {
            series.add(born, 0, 0);
        }
        series.add(at, times[0], times[1]);
        sampled.put(id, new Sampled(name, file, series));
    }

    /** Why this machine's threads cannot be sampled, or null when they can. */
    private static String missingStatistics() {
        long[] own = ProcFiles.SchedStatFile.readOnce(ProcFiles.ownSchedStat());
        if (own == null) {
            return "this machine keeps no per-thread scheduler statistics (/proc/<pid>/task/<tid>/schedstat: Linux with"
                    + " CONFIG_SCHED_INFO), so what it gave the worker threads is not known";
        }
        if (own[0] == 0) {
            return "this kernel's per-thread scheduler statistics are switched off (schedstat reads 0 for a running thread)";
        }
        return null;
    }
}
