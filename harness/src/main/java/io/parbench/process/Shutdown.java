package io.parbench.process;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this parbench process does when it exits (Ctrl-C, SIGTERM, or the end of a command), in
 * one fixed order that one JVM shutdown hook runs. JVM shutdown hooks run all at once, in no
 * order; these steps must not: a result saved after the browsers were killed would record their
 * death as a failure, and a folder deleted before its browser is gone may be written again.
 */
public final class Shutdown {

    /** The steps, in the order they run. */
    public enum Step {
        /** Results files take no more saves: what is on disk stays what was measured before the stop. */
        STOP_SAVING,
        /** Every process parbench started (browsers, their drivers, X servers) is killed. */
        KILL_PROCESSES,
        /** Temporary folders are deleted. */
        DELETE_FOLDERS,
        /** What was kept, said last, once it is final. */
        TELL
    }

    /** An action added to a step; closing it takes it back (e.g. once a run has ended normally). */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final Map<Step, Set<Runnable>> STEPS = new EnumMap<>(Step.class);
    private static volatile boolean started;

    static {
        for (Step step : Step.values()) {
            STEPS.put(step, ConcurrentHashMap.newKeySet());
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("parbench-shutdown").unstarted(Shutdown::run));
    }

    private Shutdown() {}

    /** Runs {@code action} at {@code step} when the process exits, unless the registration is closed first. */
    public static Registration at(Step step, Runnable action) {
        STEPS.get(step).add(action);
        return () -> STEPS.get(step).remove(action);
    }

    /** Whether the process is exiting: nothing new (a process, a folder) may be started now. */
    public static boolean started() {
        return started;
    }

    private static void run() {
        started = true;
        for (Step step : Step.values()) {
            for (Runnable action : STEPS.get(step)) {
                try {
                    action.run();
                } catch (RuntimeException | Error e) {
                    // the process is exiting: every other step must still run
                }
            }
        }
    }
}
