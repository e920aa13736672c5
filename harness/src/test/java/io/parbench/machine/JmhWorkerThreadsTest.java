package io.parbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parbench.engines.Engine;
import io.parbench.engines.SingleConfiguration;
import io.parbench.engines.jvm.JvmEngine;
import io.parbench.engines.nativelib.NativeEngine;
import io.parbench.results.Configuration;
import io.parbench.results.MachineAccounting;
import io.parbench.results.MeasurementSettings;
import io.parbench.results.Status;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The JMH engines' forks, found by {@link ProcessTree#jmhForks()} although they start after the
 * sampler, and their worker threads by name: at W = 3 the stepping JMH thread and the pool's.
 */
@Isolated // it looks for pool threads in every JMH fork of this JVM: another test's fork would be counted
class JmhWorkerThreadsTest {

    private static final int WORKERS = 3;
    private static final MeasurementSettings SHORT = new MeasurementSettings(1, 1, 2, 200);

    @Test
    void theNativePoolsHelpersAreNamedAndFoundInTheFork() throws Exception {
        try (NativeEngine engine = new NativeEngine(42, Duration.ofMinutes(2))) {
            List<MachineAccounting.ThreadTimes> threads = forkThreads(engine, "native", WorkerThreads.NATIVE);
            assertEquals(Set.of("io.parbench.jmh", "pb-worker-1", "pb-worker-2"), names(threads), threads.toString());
        }
    }

    @Test
    void theForkJoinPoolsWorkersAreFoundInTheFork() throws Exception {
        try (JvmEngine engine = new JvmEngine(42, Duration.ofMinutes(2))) {
            List<MachineAccounting.ThreadTimes> threads = forkThreads(engine, "jvm", WorkerThreads.JVM);
            // One pool for the fork's worker count: its W workers, each cut to the same 15 characters.
            long poolWorkers = threads.stream().filter(t -> t.name().startsWith("parbench-pool")).count();
            assertEquals(WORKERS, poolWorkers, threads.toString());
        }
    }

    private static List<MachineAccounting.ThreadTimes> forkThreads(Engine engine, String name, WorkerThreads workers) throws Exception {
        try (MachineSampler sampler = MachineSampler.start(ProcessTree.jmhForks(), workers)) {
            long start = ProcFiles.nowEpochNs();
            SingleConfiguration.Result m = SingleConfiguration.measure(engine, new Configuration(name, "nbody", null, 300, WORKERS), SHORT);
            assertEquals(Status.OK, m.status(), m.reason());
            MachineAccounting fork = sampler.between(start, ProcFiles.nowEpochNs());
            assertNull(fork.unavailable());
            fork.threads().forEach(t -> assertTrue(t.cpuNs() > 0, "every worker ran: " + fork));
            return fork.threads();
        }
    }

    private static Set<String> names(List<MachineAccounting.ThreadTimes> threads) {
        return threads.stream().map(MachineAccounting.ThreadTimes::name).collect(Collectors.toSet());
    }
}
