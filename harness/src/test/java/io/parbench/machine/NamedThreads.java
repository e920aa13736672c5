package io.parbench.machine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A child process for the sampler's tests: starts and stops named threads as told on stdin,
 * "busy NAME" (spins), "sleeper NAME" (sleeps, waking every 50 ms), "rename NAME NEW" (a busy
 * thread renames itself, as a new pthread does), "stop NAME", and answers each command with "ok"
 * once done. It exits when stdin closes.
 */
public final class NamedThreads {

    /** Names busy threads are to give themselves (a thread's name in /proc is set by the thread itself). */
    private static final Map<Thread, String> RENAMES = new ConcurrentHashMap<>();

    private NamedThreads() {}

    public static void main(String[] args) throws Exception {
        Map<String, Thread> threads = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] command = line.split(" ", 2);
            switch (command[0]) {
                case "busy" -> threads.put(command[1], Thread.ofPlatform().daemon().name(command[1]).start(NamedThreads::spin));
                case "sleeper" -> threads.put(command[1], Thread.ofPlatform().daemon().name(command[1]).start(NamedThreads::doze));
                case "rename" -> {
                    String[] names = command[1].split(" ");
                    Thread thread = threads.remove(names[0]);
                    RENAMES.put(thread, names[1]);
                    while (RENAMES.containsKey(thread)) {
                        Thread.sleep(1);
                    }
                    threads.put(names[1], thread);
                }
                case "stop" -> {
                    Thread thread = threads.remove(command[1]);
                    thread.interrupt();
                    thread.join();
                }
                default -> throw new IllegalArgumentException("unknown command: " + line);
            }
            System.out.println("ok");
            System.out.flush();
        }
    }

    private static void spin() {
        Thread self = Thread.currentThread();
        long x = 0;
        while (!self.isInterrupted()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if ((x & 0xFFFFF) == 0 && RENAMES.containsKey(self)) { // the low 20 bits are 0 once every 2^20 steps
                self.setName(RENAMES.get(self));
                RENAMES.remove(self);
            }
        }
        if (x == 42) {
            System.out.println(); // keeps the loop from being dropped
        }
    }

    private static void doze() {
        try {
            while (true) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }
}
