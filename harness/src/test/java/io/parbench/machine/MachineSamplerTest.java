package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.parbench.results.MachineAccounting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sampler on real processes: threads of a child JVM, pinned to one CPU where that is the point. */
class MachineSamplerTest {

    /** Long enough for any machine to have given the busy threads some CPU; the tests wait for events, not for this. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    /**
     * Two busy threads on one CPU: each is runnable all the time and runs about half of it, so it
     * waits in the run queue for a large share of the window, whatever the machine's speed.
     */
    @Test
    void twoBusyThreadsOnOneCpuEachWaitInTheRunQueue() throws Exception {
        assumeTrue(Files.isExecutable(TASKSET), "taskset (util-linux) pins the child to one CPU");
        try (Child child = Child.start(List.of(TASKSET.toString(), "-c", "0"));
                MachineSampler sampler = MachineSampler.start(ProcessTree.of(child.pid()), WorkerThreads.NATIVE)) {
            child.command("busy pb-worker-1");
            child.command("busy pb-worker-2");
            child.command("sleeper pb-worker-3");
            long start = ProcFiles.nowEpochNs() + MachineSampler.POLL.toNanos() * 3; // all three seen by then
            MachineAccounting window = awaitWindow(sampler, start, given -> cpuOf(given, "pb-worker-1") > 300_000_000L
                    && cpuOf(given, "pb-worker-2") > 300_000_000L);
            long wallNs = lastEnd - start;
            Map<String, MachineAccounting.ThreadTimes> byName = byName(window);
            for (String busy : List.of("pb-worker-1", "pb-worker-2")) {
                MachineAccounting.ThreadTimes times = byName.get(busy);
                assertTrue(times.runQueueNs() > 0.2 * wallNs, busy + " waited " + times.runQueueNs() + " of " + wallNs + " ns: " + window);
                // Running and waiting are the two states of a runnable thread: together at most the window, give or take a poll.
                assertTrue(times.cpuNs() + times.runQueueNs() < wallNs + 4 * MachineSampler.POLL.toNanos(), window.toString());
            }
            MachineAccounting.ThreadTimes sleeper = byName.get("pb-worker-3");
            long sleeperCpu = sleeper == null ? 0 : sleeper.cpuNs();
            assertTrue(sleeperCpu < 0.05 * wallNs, "the sleeping thread ran " + sleeperCpu + " of " + wallNs + " ns: " + window);
            assertNull(window.unavailable());
        }
    }

    /** A thread born in the window counts from its birth; one that ends in it keeps what it got; neither is lost. */
    @Test
    void threadsThatStartOrEndInTheWindowAreCounted() throws Exception {
        try (Child child = Child.start(List.of());
                MachineSampler sampler = MachineSampler.start(ProcessTree.of(child.pid()), WorkerThreads.NATIVE)) {
            child.command("busy pb-worker-1");
            long start = ProcFiles.nowEpochNs();
            awaitWindow(sampler, start, given -> cpuOf(given, "pb-worker-1") > 100_000_000L);
            child.command("busy pb-worker-2"); // born after the window began: found at the next look at the tree
            awaitWindow(sampler, start, given -> cpuOf(given, "pb-worker-2") > 100_000_000L);
            child.command("stop pb-worker-1");
            long ended = ProcFiles.nowEpochNs();
            MachineAccounting before = sampler.between(start, ended);
            awaitWindow(sampler, start, given -> cpuOf(given, "pb-worker-2") > cpuOf(before, "pb-worker-2") + 100_000_000L);
            MachineAccounting window = sampler.between(start, lastEnd);
            assertEquals(cpuOf(before, "pb-worker-1"), cpuOf(window, "pb-worker-1"), 0.02 * cpuOf(before, "pb-worker-1"),
                    "the ended thread keeps what it got: " + before + " then " + window);
            MachineAccounting afterItEnded = sampler.between(ended + MachineSampler.POLL.toNanos() * 2, lastEnd);
            assertEquals(0, cpuOf(afterItEnded, "pb-worker-1"), "nothing after it ended: " + afterItEnded);
            assertTrue(cpuOf(afterItEnded, "pb-worker-2") > 0, afterItEnded.toString());
        }
    }

    /**
     * Once the tree has stayed as it was, it is looked at less often (up to every SETTLED_RESCAN): a
     * worker born then is found later, yet counted from its birth. A spinning thread is always
     * running or waiting to run, so from its birth to the window's end it got that whole time as
     * CPU and run-queue wait, however busy the machine.
     */
    @Test
    void aWorkerBornAfterTheTreeSettledIsCountedFromItsBirth() throws Exception {
        try (Child child = Child.start(List.of());
                MachineSampler sampler = MachineSampler.start(ProcessTree.of(child.pid()), WorkerThreads.NATIVE)) {
            child.command("sleeper pb-worker-1");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (sampler.rescanGapNs() < MachineSampler.SETTLED_RESCAN.toNanos()) {
                assertTrue(System.nanoTime() < deadline, "the rescans never slowed down");
                Thread.sleep(50);
            }
            long start = ProcFiles.nowEpochNs();
            child.command("busy pb-worker-2");
            long born = ProcFiles.nowEpochNs(); // at the latest: the child answers once the thread started
            MachineAccounting found = awaitWindow(sampler, start, given -> cpuOf(given, "pb-worker-2") > 0);
            MachineAccounting.ThreadTimes times = byName(found).get("pb-worker-2");
            long sinceBirth = lastEnd - born;
            assertTrue(times.cpuNs() + times.runQueueNs() > sinceBirth - 2 * MachineSampler.POLL.toNanos(),
                    "found " + (lastEnd - start) / 1_000_000 + " ms after the window began, counted from its birth: " + found);
        }
    }

    /**
     * A new thread has its creator's name until it renames itself: the C pool's helpers are born
     * "io.parbench.jmh", a worker's name, and one seen before it renamed itself was reported as a
     * second JMH thread (JmhWorkerThreadsTest, once in scripts/test). The name it settles on is
     * the one reported, with all it got.
     */
    @Test
    void aWorkerThatRenamesItselfIsReportedByItsNewName() throws Exception {
        try (Child child = Child.start(List.of());
                MachineSampler sampler = MachineSampler.start(ProcessTree.of(child.pid()), WorkerThreads.NATIVE)) {
            child.command("busy io.parbench.jmh");
            long start = ProcFiles.nowEpochNs();
            awaitWindow(sampler, start, given -> cpuOf(given, "io.parbench.jmh") > 100_000_000L); // followed by its first name
            child.command("rename io.parbench.jmh pb-worker-1");
            MachineAccounting window = awaitWindow(sampler, start, given -> cpuOf(given, "pb-worker-1") > 0);
            assertEquals(List.of("pb-worker-1"), window.threads().stream().map(MachineAccounting.ThreadTimes::name).toList(),
                    window.toString());
            assertTrue(cpuOf(window, "pb-worker-1") > 100_000_000L, "what it got before it renamed itself counts too: " + window);
        }
    }

    /**
     * Who used the CPUs: a busy process outside the tree is among the other processes, the tree's
     * own busy thread is not. Checked against the processes' and the machine's CPU time read here
     * at the window's edges, within /proc's 10 ms ticks and a poll of interpolation.
     */
    @Test
    void aBusyProcessOutsideTheTreeIsOtherWorkAndTheTreesOwnThreadIsNot() throws Exception {
        try (Child inside = Child.start(List.of());
                Child outside = Child.start(List.of());
                MachineSampler sampler = MachineSampler.start(ProcessTree.of(inside.pid()), WorkerThreads.NATIVE);
                ProcFiles.ProcessStatFile insideStat = new ProcFiles.ProcessStatFile(inside.pid());
                ProcFiles.ProcessStatFile outsideStat = new ProcFiles.ProcessStatFile(outside.pid())) {
            inside.command("busy pb-worker-1");
            outside.command("busy hog");
            long start = ProcFiles.nowEpochNs();
            long machineBefore = machineBusyNs();
            long insideBefore = insideStat.cpuNs();
            long outsideBefore = outsideStat.cpuNs();
            MachineAccounting window = awaitWindow(sampler, start, given -> cpuOf(given, "pb-worker-1") > 500_000_000L);
            long machine = machineBusyNs() - machineBefore;
            long own = insideStat.cpuNs() - insideBefore;
            long hog = outsideStat.cpuNs() - outsideBefore;
            long wallNs = lastEnd - start;
            int cpus = ProcStat.onlineCpus();
            long slack = 4 * 10_000_000L + 2 * cpus * MachineSampler.POLL.toNanos();
            MachineAccounting.OtherProcesses others = window.otherProcesses();
            assertNotNull(others, window.toString());
            String figures = others + ": the hog used " + hog + " ns, the tree " + own + ", the machine " + machine + " in " + wallNs;
            assertTrue(others.cpuNs() >= hog - slack, "the hog is other work: " + figures);
            assertTrue(others.cpuNs() <= machine - own + slack, "the tree's own CPU time is not: " + figures);
            assertEquals(cpus * wallNs, others.capacityNs(), figures);
        }
    }

    @Test
    void namesWhatItLooksForWhenNoThreadMatches() throws Exception {
        try (Child child = Child.start(List.of());
                MachineSampler sampler = MachineSampler.start(ProcessTree.of(child.pid()), WorkerThreads.CHROMIUM)) {
            child.command("busy pb-worker-1");
            long start = ProcFiles.nowEpochNs();
            child.command("sleeper other");
            MachineAccounting none = sampler.between(start, ProcFiles.nowEpochNs());
            assertEquals(List.of(), none.threads());
            assertEquals("no thread named as DedicatedWorker thread ran in the process tree of pid " + child.pid() + " during the window",
                    none.unavailable());
        }
    }

    @Test
    void aRemoteBrowserOrABadWindowIsSaidSo() {
        MachineSampler remote = MachineSampler.unavailable("the browser runs on another machine");
        MachineAccounting answer = remote.between(1, 2);
        assertEquals("the browser runs on another machine", answer.unavailable());
        assertEquals(List.of(), answer.threads());
        remote.close();
        try (MachineSampler own = MachineSampler.start(ProcessTree.of(ProcessHandle.current().pid()), WorkerThreads.NATIVE)) {
            assertThrows(IllegalArgumentException.class, () -> own.between(2, 1));
            assertNotNull(own.between(1, 2).unavailable(), "a window before sampling began");
        }
    }

    /**
     * What sampling costs: a tree with 40 worker threads (asleep) sampled for 4 s. Printed for the
     * record, not bounded: it depends on this machine; only that the sampler counts it is asserted.
     */
    @Test
    void reportsItsOwnCost() throws Exception {
        try (Child child = Child.start(List.of())) {
            for (int i = 1; i <= 40; i++) {
                child.command("sleeper pb-worker-" + i);
            }
            try (MachineSampler sampler = MachineSampler.start(ProcessTree.of(child.pid()), WorkerThreads.NATIVE)) {
                Thread.sleep(1_000); // its first polls run interpreted: a fork is sampled for longer than that
                long before = sampler.ownCpuNs();
                long start = System.nanoTime();
                Thread.sleep(4_000);
                double share = (double) (sampler.ownCpuNs() - before) / (System.nanoTime() - start);
                System.out.printf("MachineSampler cost: %.2f%% of one CPU for 40 threads, a poll every %d ms%n", 100 * share,
                        MachineSampler.POLL.toMillis());
                assertTrue(share > 0, "a sampler that polls 40 threads for 4 s counts the CPU time it took: " + share);
            }
        }
    }

    private long lastEnd;

    /** Asks for [start, now] until it satisfies {@code done}; the window's end is kept in {@link #lastEnd}. */
    private MachineAccounting awaitWindow(MachineSampler sampler, long start, Predicate<MachineAccounting> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Thread.sleep(50);
            long end = ProcFiles.nowEpochNs();
            if (end <= start) {
                continue;
            }
            MachineAccounting given = sampler.between(start, end);
            if (done.test(given)) {
                lastEnd = end;
                return given;
            }
            assertTrue(System.nanoTime() < deadline, "the threads did not get the CPU expected within " + PATIENCE + ": " + given);
        }
    }

    private static long cpuOf(MachineAccounting given, String name) {
        MachineAccounting.ThreadTimes times = byName(given).get(name);
        return times == null ? 0 : times.cpuNs();
    }

    private static Map<String, MachineAccounting.ThreadTimes> byName(MachineAccounting given) {
        return given.threads().stream().collect(Collectors.toMap(MachineAccounting.ThreadTimes::name, t -> t));
    }

    /** A {@link NamedThreads} JVM, told what to do line by line. */
    private record Child(Process process, PrintWriter in, BufferedReader out) implements AutoCloseable {

        static Child start(List<String> prefix) throws IOException {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), NamedThreads.class.getName()));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Child(process, new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8),
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }

        long pid() {
            return process.pid();
        }

        void command(String line) throws IOException {
            in.println(line);
            assertEquals("ok", out.readLine(), "the child did " + line);
        }

        @Override
        public void close() throws InterruptedException {
            in.close();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The machine's busy CPU time since boot, in ns. */
    private static long machineBusyNs() {
        return ProcStat.read().busyNs();
    }
}
